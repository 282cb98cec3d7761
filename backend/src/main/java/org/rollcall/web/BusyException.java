package org.rollcall.web;

import java.time.Duration;

/** The server has more work queued than it will wait for: 503 with Retry-After, instead of waiting unboundedly. */
public class BusyException extends ApiException implements RetryLater {

    private final Duration retryAfter;

    public BusyException(ErrorCode code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    @Override
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
