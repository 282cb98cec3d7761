package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollcall.support.AppInstance;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two replicas on one PostgreSQL and one Redis: what one revokes, the other refuses. */
@RollcallIntegrationTest
class TwoReplicasTest {

    static AppInstance replicaB;

    @Autowired
    TestApi replicaA;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startSecondReplica() {
        replicaB = AppInstance.onSharedServices(Map.of());
    }

    @AfterAll
    static void stopSecondReplica() {
        replicaB.close();
    }

    @Test
    void logoutOnOneReplicaIsHonouredByTheOther() {
        TestTeacher teacher = replicaA.newTeacher();
        assertThat(replicaB.api().get("/api/account").as(teacher).send().status())
                .isEqualTo(200);

        assertThat(replicaB.api().post("/api/auth/logout").as(teacher).send().status())
                .isEqualTo(204);

        assertThat(replicaA.get("/api/account").as(teacher).send().status()).isEqualTo(401);
        assertThat(replicaB.api().get("/api/account").as(teacher).send().status())
                .isEqualTo(401);
    }

    @Test
    void aPasswordChangeOnOneReplicaRevokesOldTokensOnTheOther() {
        TestTeacher teacher = replicaA.newTeacher();
        String older = replicaA.login(teacher.email(), teacher.password(), teacher.address());
        assertThat(replicaB.api().get("/api/account").bearer(older).send().status())
                .isEqualTo(200);

        assertThat(replicaA.put("/api/account/password")
                        .as(teacher)
                        .json(Map.of("currentPassword", teacher.password(), "newPassword", "replicated cactus lantern"))
                        .send()
                        .status())
                .isEqualTo(204);

        assertThat(replicaB.api().get("/api/account").bearer(older).send().status())
                .isEqualTo(401);
        assertThat(replicaB.api().get("/api/account").as(teacher).send().status())
                .isEqualTo(200);
    }

    @Test
    void aMarkingCorrectedOnOneReplicaIsSeenOnTheOther() {
        TestTeacher teacher = replicaA.newTeacher();
        UUID classId = replicaA.client(teacher.token()).createClass("Replicated", "UTC");
        UUID student = UUID.randomUUID();
        jdbc.sql("INSERT INTO student (id, class_id, name, roll_no) VALUES (:id, :c, 'Ana', '1')")
                .param("id", student)
                .param("c", classId)
                .update();
        String day = "/api/classes/" + classId + "/attendance/2026-03-02/students/" + student;
        String history =
                "/api/classes/" + classId + "/students/" + student + "/attendance?from=2026-03-01&to=2026-03-31";

        assertThat(replicaA.put(day).as(teacher).send().status()).isEqualTo(200);
        assertThat(replicaB.api()
                        .get(history)
                        .as(teacher)
                        .send()
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(replicaB.api().delete(day).as(teacher).send().status()).isIn(200, 204);
        assertThat(replicaA.get(history).as(teacher).send().json().get("total").asInt())
                .isZero();
    }
}
