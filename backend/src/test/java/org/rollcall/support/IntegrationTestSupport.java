package org.rollcall.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.rollcall.support.RollcallClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole application on a random port with real PostgreSQL, Redis and the real face engine (the foundation's test
 * support), plus a clock tests can stand still (which makes it a context of its own, shared by the tests that extend
 * this). Every test works as fresh teachers, so tests do not see each other.
 */
@RollcallIntegrationTest
@Import(IntegrationTestSupport.Clocks.class)
public abstract class IntegrationTestSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

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
    protected RollcallClient newTeacher() {
        return new RollcallClient(api, api.newTeacher().token());
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    protected static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.code()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.json().get("detail").asString()).as(answer.toString()).isNotBlank();
    }
}
