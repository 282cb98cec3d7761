package org.rollcall.web;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies of every error answer: the {@code code} property is what clients switch on. */
public final class Problems {

    public static final String CODE = "code";

    private Problems() {}

    /** A problem with the code's status and its own sentence. */
    public static ProblemDetail of(ErrorCode code) {
        return of(code, Objects.requireNonNull(code.sentence(), code + " has no sentence of its own"));
    }

    /** A problem with the code's status. */
    public static ProblemDetail of(ErrorCode code, String detail) {
        return of(code.status(), code, detail);
    }

    /** A problem whose status is not the code's own: answers that only had a status ({@link ErrorCode#forStatus}). */
    public static ProblemDetail of(HttpStatusCode status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code.code());
        return problem;
    }

    /** The problem body of an {@link ApiException}, with its extra properties. */
    public static ProblemDetail of(ApiException e) {
        ProblemDetail problem = of(e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** Fields whose label in the pages is not just their name in words. */
    private static final Map<String, String> LABELS =
            Map.of("rollNo", "Roll number", "displayName", "Your name", "timezone", "Time zone");

    /** A field or parameter name as a teacher reads it in the pages: newPassword -> "New password". */
    public static String fieldLabel(String name) {
        if (LABELS.containsKey(name)) {
            return LABELS.get(name);
        }
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
