package org.rollcall.mail;

import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    Mailer mailer(MailSettings settings) {
        MailSettings.Smtp smtp = settings.smtp();
        if (smtp == null || smtp.host() == null || smtp.host().isBlank()) {
            return new OutboxMailer(settings.outboxDir());
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        Properties properties = sender.getJavaMailProperties();
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            properties.put("mail.smtp.auth", "true");
        }
        // Upgrades to TLS whenever the server offers it.
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return new SmtpMailer(sender, settings.from());
    }
}
