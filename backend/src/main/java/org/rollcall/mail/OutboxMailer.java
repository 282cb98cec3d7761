package org.rollcall.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.rollcall.local.LocalFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local mode without SMTP: each mail becomes one UTF-8 text file in the outbox folder, named
 * {@code <UTC timestamp>-<recipient>-<random>.txt} and containing "To:", "Subject:", a blank line and the text
 * (codes are on a line "Code: 123456"); it is also logged, so a newcomer can read sign-up codes.
 */
class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    /*
     * File systems allow 255 bytes per name; an address may be 254 characters. The start of the address (enough to
     * recognise it) is kept; the full address is in the file's To: line.
     */
    static final int MAX_RECIPIENT_IN_NAME = 80;

    private final Path outbox;
    private final Clock clock = Clock.systemUTC();

    OutboxMailer(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(MailMessage message) {
        String content = "To: " + message.to() + "\nSubject: " + message.subject() + "\n\n" + message.text() + "\n";
        String name = STAMP.format(clock.instant().atZone(clock.getZone())) + "-" + recipientForFileName(message.to())
                + "-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        try {
            // Mails hold sign-up and reset codes: for this OS user only. Written aside and moved into place, so a
            // reader never sees half a mail.
            LocalFiles.ownerOnlyDirectory(outbox);
            Path part = outbox.resolve("." + UUID.randomUUID() + ".part");
            if (part.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(part, content, StandardCharsets.UTF_8);
            Files.move(part, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the mail to " + outbox, e);
        }
        log.info(
                "Mail written to {} (no SMTP configured):\n{}",
                outbox.resolve(name).toAbsolutePath(),
                content);
    }

    static String recipientForFileName(String to) {
        String safe = to.replaceAll("[^A-Za-z0-9@._+-]", "_");
        return safe.length() <= MAX_RECIPIENT_IN_NAME ? safe : safe.substring(0, MAX_RECIPIENT_IN_NAME);
    }
}
