package org.rollcall.web;

import org.springframework.http.HttpStatus;

/**
 * A failure the client caused or must know about. The global handler turns it into an RFC 9457 problem body
 * whose {@code code} field is stable (clients switch on it) and whose detail is a sentence a teacher can read.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
