package org.rollcall.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The server has more work queued than it will wait for: 503 with Retry-After, instead of waiting unboundedly. */
public class BusyException extends ApiException implements RetryLater {

    private final Duration retryAfter;

    public BusyException(String code, String message, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, code, message);
        this.retryAfter = retryAfter;
    }

    @Override
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
