package org.rollcall.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running Rollcall over real HTTP as one teacher, the way the browser app does; answers are kept whatever
 * their status so tests can assert on errors too.
 */
public final class RollcallClient {

    /** An HTTP answer: status, content type and body (parsed as JSON when it is JSON). */
    public record Answer(int status, String contentType, String body, JsonNode json) {

        public String code() {
            return json == null || json.get("code") == null ? null : json.get("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_ANSWER = MediaType.APPLICATION_JSON_VALUE;

    private final TestApi api;
    private final String token;

    public RollcallClient(TestApi api, String token) {
        this.api = api;
        this.token = token;
    }

    /** The same server with another token (null: no Authorization header at all). */
    public RollcallClient as(String otherToken) {
        return new RollcallClient(api, otherToken);
    }

    public Answer get(String path) {
        return send(api.get(path), JSON_ANSWER);
    }

    /** As an img element asks: any image, or the problem if there is none. */
    public Answer getImage(String path) {
        return send(api.get(path), "image/*, application/problem+json");
    }

    public Answer get(String path, String accept) {
        return send(api.get(path), accept);
    }

    public Answer getCsv(String path) {
        return send(api.get(path), "text/csv");
    }

    public Answer delete(String path) {
        return send(api.delete(path), JSON_ANSWER);
    }

    public Answer deleteJson(String path, Object body) {
        return send(api.delete(path).json(body), JSON_ANSWER);
    }

    public Answer put(String path) {
        return send(api.put(path), JSON_ANSWER);
    }

    public Answer putJson(String path, Object body) {
        return send(api.put(path).json(body), JSON_ANSWER);
    }

    public Answer postJson(String path, Object body) {
        return send(api.post(path).json(body), JSON_ANSWER);
    }

    public Answer patchJson(String path, Object body) {
        return send(api.patch(path).json(body), JSON_ANSWER);
    }

    public Answer postMultipart(String path, MultiValueMap<String, ?> parts) {
        return send(api.post(path).multipart(parts), JSON_ANSWER);
    }

    public UUID createClass(String name, String timezone) {
        Answer answer = postJson("/api/classes", Map.of("name", name, "timezone", timezone));
        check(answer, 201);
        return UUID.fromString(answer.json().get("id").asString());
    }

    public Answer enrol(UUID classId, String name, String rollNo, byte[]... photos) {
        return postMultipart("/api/classes/" + classId + "/students", studentParts(name, rollNo, photos));
    }

    /** The multipart body of an enrolment: the `student` JSON part and the `photo` parts. */
    public static MultiValueMap<String, HttpEntity<?>> studentParts(String name, String rollNo, byte[]... photos) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("student", JSON.writeValueAsString(Map.of("name", name, "rollNo", rollNo)),
                MediaType.APPLICATION_JSON);
        for (int i = 0; i < photos.length; i++) {
            photo(parts, photos[i], "photo" + i + ".jpg");
        }
        return parts.build();
    }

    public UUID enrolled(UUID classId, String name, String rollNo, byte[]... photos) {
        Answer answer = enrol(classId, name, rollNo, photos);
        check(answer, 201);
        return UUID.fromString(answer.json().get("id").asString());
    }

    public Answer mark(UUID classId, LocalDate date, byte[]... photos) {
        return postMultipart("/api/classes/" + classId + "/attendance", markParts(date, photos));
    }

    public static MultiValueMap<String, HttpEntity<?>> markParts(LocalDate date,
                                                                                         byte[]... photos) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        if (date != null) {
            parts.part("date", date.toString());
        }
        for (int i = 0; i < photos.length; i++) {
            photo(parts, photos[i], "class" + i + ".jpg");
        }
        return parts.build();
    }

    public static void photo(MultipartBodyBuilder parts, byte[] bytes, String fileName) {
        parts.part("photo", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, MediaType.APPLICATION_OCTET_STREAM);
    }

    public static Answer check(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer);
        }
        return answer;
    }

    public static List<JsonNode> list(JsonNode array) {
        return array.valueStream().toList();
    }

    private Answer send(TestApi.Request request, String accept) {
        request.header(HttpHeaders.ACCEPT, accept);
        if (token != null) {
            request.bearer(token);
        }
        ApiResponse response = request.send();
        String text = response.body() == null ? "" : response.body();
        MediaType type = response.contentType();
        JsonNode json = type != null && type.getSubtype().contains("json") && !text.isEmpty() ? JSON.readTree(text) : null;
        return new Answer(response.status(), type == null ? null : type.toString(), text, json);
    }
}
