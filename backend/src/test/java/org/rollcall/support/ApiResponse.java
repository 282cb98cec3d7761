package org.rollcall.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer as the client saw it; error answers are application/problem+json with a {@code code}. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body == null || body.isEmpty() ? "null" : body);
    }

    /** The problem's {@code code}, or null when the body is not JSON or has none. */
    public String code() {
        MediaType type = headers.getContentType();
        if (type == null || !type.getSubtype().contains("json") || body == null || body.isEmpty()) {
            return null;
        }
        JsonNode code = json().get("code");
        return code == null ? null : code.asString();
    }

    /** The Content-Type as sent, e.g. "application/problem+json" (null when there is none). */
    public String contentType() {
        MediaType type = headers.getContentType();
        return type == null ? null : type.toString();
    }

    public boolean isProblem() {
        return MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(headers.getContentType());
    }

    @Override
    public String toString() {
        return status + " " + headers.getContentType() + " " + body;
    }
}
