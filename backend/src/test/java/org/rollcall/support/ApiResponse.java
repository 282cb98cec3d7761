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

    /** The problem's {@code code}, or null when the body has none. */
    public String code() {
        JsonNode code = json().get("code");
        return code == null ? null : code.asString();
    }

    public MediaType contentType() {
        return headers.getContentType();
    }

    public boolean isProblem() {
        return MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType());
    }

    @Override
    public String toString() {
        return status + " " + headers.getContentType() + " " + body;
    }
}
