package org.rollcall.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the mails the application sent to GreenMail (they are sent in the background, so it waits). */
public final class Mailbox {

    private static final Pattern CODE = Pattern.compile("Code: (\\d{6})");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private Mailbox() {}

    /** Waits until {@code count} mails reached {@code email} and returns them, oldest first. */
    public static List<String> awaitMails(String email, int count) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            List<String> mails = mailsTo(email);
            if (mails.size() >= count) {
                return mails;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " mail(s) to " + email + " but got " + mails.size());
            }
            sleep();
        }
    }

    /** The code in the {@code nth} (1-based) mail to {@code email}. */
    public static String awaitCode(String email, int nth) {
        String text = awaitMails(email, nth).get(nth - 1);
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No code in mail " + nth + " to " + email + ":\n" + text);
        }
        return matcher.group(1);
    }

    public static List<String> mailsTo(String email) {
        return Arrays.stream(TestServices.shared().greenMail().getReceivedMessages())
                .filter(message -> isFor(message, email))
                .map(Mailbox::text)
                .toList();
    }

    private static boolean isFor(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(
                            address -> ((InternetAddress) address).getAddress().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return "Subject: " + message.getSubject() + "\n\n" + message.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for mail", e);
        }
    }
}
