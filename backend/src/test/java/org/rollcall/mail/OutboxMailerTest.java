package org.rollcall.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest {

    @TempDir
    Path outbox;

    @Test
    void theLongestAllowedAddressStillGetsItsCodeWithTheFullAddressInside() throws IOException {
        // 254 characters, the most an address may have (the sign-up form allows it).
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org";
        assertThat(longest).hasSize(254);

        new OutboxMailer(outbox).send(new MailMessage(longest, "Your code", "Code: 123456"));

        List<Path> mails;
        try (Stream<Path> files = Files.list(outbox)) {
            mails = files.toList();
        }
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getFileName().toString().getBytes()).hasSizeLessThanOrEqualTo(255);
        assertThat(mails.get(0).getFileName().toString())
                .contains("-" + "a".repeat(64) + "@b")
                .endsWith(".txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mails.get(0))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox)))
                .isEqualTo("rwx------");
        assertThat(Files.readString(mails.get(0)))
                .startsWith("To: " + longest + "\n")
                .contains("Code: 123456");
    }
}
