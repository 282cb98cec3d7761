package org.rollcall.account;

import java.util.UUID;

/** Published (synchronously, inside the deleting transaction): the account's tokens die with it, or it stays. */
public record TeacherDeleted(UUID teacherId) {}
