package org.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * VALIDATION_FAILED looks the same whatever refused the input: bean validation of a body or of parameters, or a
 * hand-written check; each lists {@code errors} with field and message beside a detail naming the fields. (The
 * multipart `student` part: StudentEnrolmentTest.)
 */
class ValidationErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Checked())
            .setControllerAdvice(new GlobalExceptionHandler(new MultipartProperties()))
            .build();

    record Form(@NotBlank String name, @Size(max = 3) String rollNo) {}

    @RestController
    static class Checked {

        @PostMapping("/body")
        String body(@Valid @RequestBody Form form) {
            return "accepted";
        }

        @GetMapping("/parameters")
        String parameters(@RequestParam @Min(1) int count, @RequestParam @Size(max = 3) String rollNo) {
            return "accepted";
        }

        @GetMapping("/by-hand")
        String byHand(@RequestParam String student) {
            throw ValidationFailedException.of("student", "Send the student as JSON in a `student` part.");
        }
    }

    @Test
    void aBody() throws Exception {
        JsonNode problem = problem(mvc.perform(post("/body")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" \", \"rollNo\": \"12345\"}"))
                .andReturn());

        assertThat(problem.get("detail").asString())
                .contains("Name must not be empty")
                .contains("Roll number must be at most 3 characters long");
        assertThat(errors(problem))
                .containsExactlyInAnyOrder("name: must not be empty", "rollNo: must be at most 3 characters long");
    }

    @Test
    void parameters() throws Exception {
        JsonNode problem =
                problem(mvc.perform(get("/parameters").param("count", "0").param("rollNo", "12345"))
                        .andReturn());

        assertThat(problem.get("detail").asString())
                .isEqualTo("Count must be greater than or equal to 1; Roll number must be at most 3 characters long");
        assertThat(errors(problem))
                .containsExactly(
                        "count: must be greater than or equal to 1", "rollNo: must be at most 3 characters long");
    }

    @Test
    void aHandWrittenCheck() throws Exception {
        JsonNode problem =
                problem(mvc.perform(get("/by-hand").param("student", "")).andReturn());

        assertThat(problem.get("detail").asString()).isEqualTo("Send the student as JSON in a `student` part.");
        assertThat(errors(problem)).containsExactly("student: Send the student as JSON in a `student` part.");
    }

    @Test
    void validInputPasses() throws Exception {
        assertThat(mvc.perform(get("/parameters").param("count", "1").param("rollNo", "123"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    private static JsonNode problem(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        return problem;
    }

    private static List<String> errors(JsonNode problem) {
        assertThat(problem.has("errors")).as(problem.toString()).isTrue();
        return problem.get("errors")
                .valueStream()
                .map(error -> error.get("field").asString() + ": "
                        + error.get("message").asString())
                .toList();
    }
}
