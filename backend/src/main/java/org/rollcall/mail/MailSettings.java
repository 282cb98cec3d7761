package org.rollcall.mail;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** SMTP when smtp.host is set (ROLLCALL_SMTP_*), otherwise every mail goes to outboxDir and the log. */
@ConfigurationProperties("rollcall.mail")
public record MailSettings(String from, Smtp smtp, Path outboxDir) {

    public record Smtp(String host, int port, String username, String password) {}
}
