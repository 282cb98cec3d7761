package org.rollcall.account;

import java.util.UUID;

/**
 * Published (synchronously, inside the transaction that changed the password) so that every token of an older
 * generation dies with the change; if that cannot be done, the change rolls back.
 *
 * @param keepAskingSession true when the signed-in teacher changed it: the session that asked stays signed in;
 *                          false for a reset by mailed code, which ends every session
 */
public record PasswordChanged(UUID teacherId, int tokenGeneration, boolean keepAskingSession) {}
