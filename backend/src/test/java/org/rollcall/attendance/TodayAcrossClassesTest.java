package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollcall.students.RosterUploads;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.TestApi;
import tools.jackson.databind.JsonNode;

class TodayAcrossClassesTest extends IntegrationTestSupport {

    @Test
    void eachClassCountsTodayInItsOwnTimezoneAndUnmarkedClassesAreNamed() {
        // noon in London is already tomorrow on Kiritimati (UTC+14)
        clock.standAt(Instant.parse("2026-02-02T12:00:00Z"), ZoneOffset.UTC);
        TestApi.Client teacher = newTeacher();
        UUID london = teacher.createClass("London 9P", "Europe/London");
        UUID kiritimati = teacher.createClass("Kiritimati 4A", "Pacific/Kiritimati");
        UUID empty = teacher.createClass("Empty", "UTC");
        List<UUID> londoners = roster(teacher, london, 3);
        List<UUID> islanders = roster(teacher, kiritimati, 2);
        check(teacher.put("/api/classes/" + london + "/attendance/2026-02-02/students/" + londoners.get(0)), 200);
        check(teacher.put("/api/classes/" + london + "/attendance/2026-02-02/students/" + londoners.get(2)), 200);
        // the island's 2 February is its yesterday: it has not been marked today
        check(teacher.put("/api/classes/" + kiritimati + "/attendance/2026-02-02/students/" + islanders.get(0)), 200);

        JsonNode today = check(teacher.get("/api/attendance/today"), 200).json();

        JsonNode l = byId(today, london);
        assertThat(l.get("date").asString()).isEqualTo("2026-02-02");
        assertThat(l.get("students").asInt()).isEqualTo(3);
        assertThat(l.get("present").asInt()).isEqualTo(2);
        assertThat(l.get("absent").asInt()).isEqualTo(1);
        assertThat(l.get("marked").asBoolean()).isTrue();
        JsonNode k = byId(today, kiritimati);
        assertThat(k.get("date").asString()).isEqualTo("2026-02-03");
        assertThat(k.get("present").asInt()).isZero();
        assertThat(k.get("absent").isNull()).isTrue();
        assertThat(k.get("marked").asBoolean()).isFalse();
        // (every teacher also has the first class made at registration, not marked either)
        assertThat(TestApi.list(today.get("notMarked")))
                .extracting(JsonNode::asString)
                .contains(kiritimati.toString(), empty.toString())
                .doesNotContain(london.toString());
        // only the teacher's own classes, and only for a signed-in teacher
        assertThat(TestApi.list(check(newTeacher().get("/api/attendance/today"), 200)
                        .json()
                        .get("classes")))
                .extracting(c -> c.get("classId").asString())
                .doesNotContain(london.toString(), kiritimati.toString(), empty.toString());
        assertThat(teacher.as(null).get("/api/attendance/today").status()).isEqualTo(401);
    }

    private static JsonNode byId(JsonNode today, UUID classId) {
        return TestApi.list(today.get("classes")).stream()
                .filter(c -> c.get("classId").asString().equals(classId.toString()))
                .findFirst()
                .orElseThrow();
    }

    private static List<UUID> roster(TestApi.Client teacher, UUID classId, int size) {
        StringBuilder csv = new StringBuilder("Roll,Name\n");
        for (int i = 1; i <= size; i++) {
            csv.append(i).append(",Student ").append(i).append('\n');
        }
        RosterUploads.imported(teacher, classId, csv.toString());
        return TestApi.list(check(teacher.get("/api/classes/" + classId + "/students"), 200)
                        .json())
                .stream()
                .map(s -> UUID.fromString(s.get("id").asString()))
                .toList();
    }
}
