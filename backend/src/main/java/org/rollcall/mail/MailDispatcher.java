package org.rollcall.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Sends mails in the background. Besides not holding requests on a slow SMTP server, it makes "code sent" and
 * "no such account, nothing sent" take the same time, so timing reveals no accounts.
 */
@Service
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final Mailer mailer;
    private final TaskExecutor executor;

    MailDispatcher(Mailer mailer, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.mailer = mailer;
        this.executor = executor;
    }

    public void dispatch(MailMessage message) {
        executor.execute(() -> {
            try {
                mailer.send(message);
            } catch (RuntimeException e) {
                log.error("Could not send the mail '{}' to {}", message.subject(), message.to(), e);
            }
        });
    }
}
