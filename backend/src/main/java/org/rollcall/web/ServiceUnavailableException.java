package org.rollcall.web;

import org.springframework.http.HttpStatus;

/** A backing service (Redis, PostgreSQL) cannot be reached: the request fails closed with 503. */
public class ServiceUnavailableException extends ApiException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", message);
        initCause(cause);
    }
}
