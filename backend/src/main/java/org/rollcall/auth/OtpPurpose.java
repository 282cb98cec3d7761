package org.rollcall.auth;

/** Codes of one purpose cannot be used for the other. */
public enum OtpPurpose {
    SIGN_UP,
    PASSWORD_RESET
}
