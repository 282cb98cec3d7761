package org.rollcall.classes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param timezone an IANA zone id such as "Asia/Dhaka"; the server's zone when absent */
public record CreateClassRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 64) String timezone) {}
