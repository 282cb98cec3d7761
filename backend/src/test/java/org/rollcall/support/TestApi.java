package org.rollcall.support;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls to the application under test (so the security filters run), plus helpers that create a
 * signed-in teacher through the public sign-up flow. Available as a bean in {@link RollcallIntegrationTest}s; for
 * another instance (e.g. a second replica) use {@link #forPort(int)}. Requests are built one by one
 * ({@link #get(String)} … {@link Request#send()}), or sent as one teacher with {@link #client(String)}.
 */
public class TestApi {

    public static final String PASSWORD = "correct horse battery";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment environment;
    private final Integer fixedPort;
    private final RestClient client = RestClient.builder()
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();

    @Autowired
    public TestApi(Environment environment) {
        this.environment = environment;
        this.fixedPort = null;
    }

    private TestApi(int port) {
        this.environment = null;
        this.fixedPort = port;
    }

    public static TestApi forPort(int port) {
        return new TestApi(port);
    }

    public int port() {
        return fixedPort != null ? fixedPort : environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public Request request(HttpMethod method, String path) {
        return new Request(method, path);
    }

    public Request get(String path) {
        return request(HttpMethod.GET, path);
    }

    public Request post(String path) {
        return request(HttpMethod.POST, path);
    }

    public Request put(String path) {
        return request(HttpMethod.PUT, path);
    }

    public Request patch(String path) {
        return request(HttpMethod.PATCH, path);
    }

    public Request delete(String path) {
        return request(HttpMethod.DELETE, path);
    }

    public static String uniqueEmail() {
        return "teacher-" + UUID.randomUUID() + "@example.test";
    }

    /** A made-up client address, so each teacher has its own per-address login bucket. */
    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** Signs up a fresh teacher (code read from GreenMail), registers and logs in. */
    public TestTeacher newTeacher() {
        return newTeacher("Teacher " + UUID.randomUUID().toString().substring(0, 8));
    }

    public TestTeacher newTeacher(String displayName) {
        String email = uniqueEmail();
        String address = randomAddress();
        check(post("/api/auth/email-otp").json(Map.of("email", email)).send(), 202);
        String code = Mailbox.awaitCode(email, 1);
        check(
                post("/api/auth/email-verification")
                        .json(Map.of("email", email, "code", code))
                        .send(),
                204);
        ApiResponse registered = check(
                post("/api/auth/register")
                        .json(Map.of("email", email, "password", PASSWORD, "displayName", displayName))
                        .send(),
                201);
        UUID id = UUID.fromString(registered.json().get("id").asString());
        String token = login(email, PASSWORD, address);
        return new TestTeacher(id, email, PASSWORD, displayName, token, address);
    }

    /** Logs in and returns the access token (fails the test if the login is refused). */
    public String login(String email, String password, String address) {
        ApiResponse response = check(
                post("/api/auth/login")
                        .from(address)
                        .json(Map.of("email", email, "password", password))
                        .send(),
                200);
        return response.json().get("accessToken").asString();
    }

    /** The response, or an AssertionError naming what came instead of {@code status}. */
    public static ApiResponse check(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new AssertionError("Expected HTTP " + status + " but got " + response);
        }
        return response;
    }

    public static List<JsonNode> list(JsonNode array) {
        return array.valueStream().toList();
    }

    /** The multipart body of an enrolment: the `student` JSON part and the `photo` parts. */
    public static MultiValueMap<String, HttpEntity<?>> studentParts(String name, String rollNo, byte[]... photos) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part(
                "student", JSON.writeValueAsString(Map.of("name", name, "rollNo", rollNo)), MediaType.APPLICATION_JSON);
        for (int i = 0; i < photos.length; i++) {
            photo(parts, photos[i], "photo" + i + ".jpg");
        }
        return parts.build();
    }

    /** The multipart body of a marking: the optional `date` part and the `photo` parts. */
    public static MultiValueMap<String, HttpEntity<?>> markParts(LocalDate date, byte[]... photos) {
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
        parts.part(
                "photo",
                new ByteArrayResource(bytes) {
                    @Override
                    public String getFilename() {
                        return fileName;
                    }
                },
                MediaType.APPLICATION_OCTET_STREAM);
    }

    /** Requests as the teacher with this token (null: no Authorization header at all). */
    public Client client(String token) {
        return new Client(token);
    }

    /**
     * One teacher talking to the app the way the browser app does (Accept: JSON unless told otherwise); answers are
     * kept whatever their status so tests can assert on errors too.
     */
    public final class Client {

        private static final String JSON_ANSWER = MediaType.APPLICATION_JSON_VALUE;

        private final String token;

        private Client(String token) {
            this.token = token;
        }

        /** The same server with another token (null: no Authorization header at all). */
        public Client as(String otherToken) {
            return new Client(otherToken);
        }

        public ApiResponse get(String path) {
            return send(TestApi.this.get(path), JSON_ANSWER);
        }

        /** As an img element asks: any image, or the problem if there is none. */
        public ApiResponse getImage(String path) {
            return send(TestApi.this.get(path), "image/*, application/problem+json");
        }

        public ApiResponse get(String path, String accept) {
            return send(TestApi.this.get(path), accept);
        }

        public ApiResponse getCsv(String path) {
            return send(TestApi.this.get(path), "text/csv");
        }

        public ApiResponse delete(String path) {
            return send(TestApi.this.delete(path), JSON_ANSWER);
        }

        public ApiResponse deleteJson(String path, Object body) {
            return send(TestApi.this.delete(path).json(body), JSON_ANSWER);
        }

        public ApiResponse put(String path) {
            return send(TestApi.this.put(path), JSON_ANSWER);
        }

        public ApiResponse putJson(String path, Object body) {
            return send(TestApi.this.put(path).json(body), JSON_ANSWER);
        }

        public ApiResponse postJson(String path, Object body) {
            return send(post(path).json(body), JSON_ANSWER);
        }

        public ApiResponse patchJson(String path, Object body) {
            return send(patch(path).json(body), JSON_ANSWER);
        }

        public ApiResponse postMultipart(String path, MultiValueMap<String, ?> parts) {
            return send(post(path).multipart(parts), JSON_ANSWER);
        }

        public UUID createClass(String name, String timezone) {
            ApiResponse answer = check(postJson("/api/classes", Map.of("name", name, "timezone", timezone)), 201);
            return UUID.fromString(answer.json().get("id").asString());
        }

        public ApiResponse enrol(UUID classId, String name, String rollNo, byte[]... photos) {
            return postMultipart("/api/classes/" + classId + "/students", studentParts(name, rollNo, photos));
        }

        public UUID enrolled(UUID classId, String name, String rollNo, byte[]... photos) {
            ApiResponse answer = check(enrol(classId, name, rollNo, photos), 201);
            return UUID.fromString(answer.json().get("id").asString());
        }

        public ApiResponse mark(UUID classId, LocalDate date, byte[]... photos) {
            return postMultipart("/api/classes/" + classId + "/attendance", markParts(date, photos));
        }

        private ApiResponse send(Request request, String accept) {
            request.header(HttpHeaders.ACCEPT, accept);
            if (token != null) {
                request.bearer(token);
            }
            return request.send();
        }
    }

    /** One request being built; {@link #send()} performs it and never throws on 4xx/5xx. */
    public final class Request {

        private final HttpMethod method;
        private final String path;
        private final HttpHeaders headers = new HttpHeaders();
        private Object body;

        private Request(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request bearer(String token) {
            headers.setBearerAuth(token);
            return this;
        }

        /** As the signed-in teacher: its token and its client address. */
        public Request as(TestTeacher teacher) {
            return bearer(teacher.token()).from(teacher.address());
        }

        public Request from(String clientAddress) {
            headers.set("X-Forwarded-For", clientAddress);
            return this;
        }

        public Request header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /** A JSON body: a record, a Map, or a String sent as-is (to test malformed JSON). */
        public Request json(Object value) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = value;
            return this;
        }

        /** A multipart/form-data body; values may be Strings, byte-array resources or HttpEntities. */
        public Request multipart(MultiValueMap<String, ?> parts) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            body = parts;
            return this;
        }

        public Request body(MediaType type, byte[] bytes) {
            headers.setContentType(type);
            body = bytes;
            return this;
        }

        public ApiResponse send() {
            RestClient.RequestBodySpec spec = client.method(method)
                    .uri(URI.create("http://localhost:" + port() + path))
                    .headers(all -> all.addAll(headers));
            if (body != null) {
                spec.body(body);
            }
            return spec.exchange(
                    (request, response) -> new ApiResponse(
                            response.getStatusCode().value(), response.getHeaders(), response.bodyTo(String.class)),
                    true);
        }
    }
}
