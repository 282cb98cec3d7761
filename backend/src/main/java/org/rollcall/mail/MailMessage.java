package org.rollcall.mail;

/** A plain-text mail. Never put a password in one. */
public record MailMessage(String to, String subject, String text) {}
