package org.rollcall.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client caused or must know about. The global handler turns it into an RFC 9457 problem body
 * whose {@code code} field is stable (clients switch on it) and whose detail is a sentence a teacher can read.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> properties;

    /** With the code's own sentence. */
    public ApiException(ErrorCode code) {
        this(code, code.sentence());
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /** @param properties extra members of the problem body a client can act on (e.g. the id of a student named) */
    public ApiException(ErrorCode code, String message, Map<String, Object> properties) {
        super(message);
        if (message == null) {
            throw new IllegalArgumentException(code + " has no sentence of its own; say what was wrong");
        }
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return code.status();
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
