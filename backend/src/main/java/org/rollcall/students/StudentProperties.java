package org.rollcall.students;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxPhotos enrolment photos accepted in one request */
@ConfigurationProperties("rollcall.students")
record StudentProperties(@DefaultValue("5") int maxPhotos) {
}
