package org.rollcall.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies of every error answer: the {@code code} property is what clients switch on. */
public final class Problems {

    public static final String CODE = "code";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code);
        return problem;
    }

    /** The problem body of an {@link ApiException}, with its extra properties. */
    public static ProblemDetail of(ApiException e) {
        ProblemDetail problem = of(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** Fields whose label in the pages is not just their name in words. */
    private static final Map<String, String> LABELS = Map.of(
            "rollNo", "Roll number", "displayName", "Your name", "timezone", "Time zone");

    /** A field or parameter name as a teacher reads it in the pages: newPassword -> "New password". */
    public static String fieldLabel(String name) {
        if (LABELS.containsKey(name)) {
            return LABELS.get(name);
        }
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A code for answers that only have a status (404, 405, 415 …): the status name, e.g. METHOD_NOT_ALLOWED. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }
}
