package org.rollcall.mail;

/** Delivers a mail now (SMTP or the local outbox); callers normally go through {@link MailDispatcher}. */
interface Mailer {

    void send(MailMessage message);
}
