package org.rollcall.auth;

/** The login answer: {accessToken, tokenType: "Bearer", expiresIn (seconds)}. */
public record AccessToken(String accessToken, String tokenType, long expiresIn) {}
