package org.rollcall.web;

import java.time.Duration;

/** A rate limit was hit; the answer is 429 with a Retry-After header in whole seconds. */
public class TooManyRequestsException extends ApiException implements RetryLater {

    private final Duration retryAfter;

    public TooManyRequestsException(ErrorCode code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    @Override
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
