package org.rollcall.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole application on a random port with real PostgreSQL, Redis and the real face engine (the shared
 * {@link RollcallIntegrationTest} context), for tests that stand its clock still: the clock is set back after each
 * test. Every test works as fresh teachers, so tests do not see each other.
 */
@RollcallIntegrationTest
public abstract class IntegrationTestSupport {

    @Autowired
    protected TestApi api;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A fresh teacher signed up through the public flow, talking to the app over HTTP. */
    protected TestApi.Client newTeacher() {
        return api.client(api.newTeacher().token());
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    protected static void assertProblem(ApiResponse answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.code()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.json().get("detail").asString()).as(answer.toString()).isNotBlank();
    }
}
