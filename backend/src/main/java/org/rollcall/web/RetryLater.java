package org.rollcall.web;

/** An answer that tells the client when to try again (the Retry-After header, in whole seconds). */
public interface RetryLater {

    long retryAfterSeconds();
}
