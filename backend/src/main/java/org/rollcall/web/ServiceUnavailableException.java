package org.rollcall.web;

/** A backing service (Redis, PostgreSQL) cannot be reached: the request fails closed with 503. */
public class ServiceUnavailableException extends ApiException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(ErrorCode.SERVICE_UNAVAILABLE, message);
        initCause(cause);
    }
}
