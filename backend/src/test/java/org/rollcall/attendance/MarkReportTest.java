package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rollcall.face.Assignment;
import org.rollcall.face.Box;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.FaceQuality;
import org.rollcall.students.StudentRef;

class MarkReportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 11);
    private final StudentRef ana = new StudentRef(UUID.randomUUID(), "Ana", "1");
    private final StudentRef ben = new StudentRef(UUID.randomUUID(), "Ben", "2");

    @Test
    void reportsEachFaceWithWhatTheDatabaseDidForItsStudent() {
        PhotoMatches photo = new PhotoMatches(List.of(face(10), face(20), face(30)), List.of(
                new Assignment<>(0, ana.id(), 0.95f, 0.4f),
                new Assignment<>(1, ben.id(), 0.93f, 0.5f),
                new Assignment<>(2, null, 0.6f, 0.5f)));

        MarkResponse response = MarkReport.of(DAY, List.of(photo), Set.of(ana.id()),
                Map.of(ana.id(), ana, ben.id(), ben));

        assertThat(response.date()).isEqualTo(DAY);
        assertThat(response.faces()).extracting(FaceResult::status)
                .containsExactly(FaceStatus.MARKED, FaceStatus.ALREADY_MARKED, FaceStatus.UNKNOWN);
        assertThat(response.faces()).extracting(FaceResult::student).containsExactly(ana, ben, null);
        assertThat(response.faces()).extracting(f -> f.box().x()).containsExactly(10f, 20f, 30f);
        assertThat(response.faces().get(2).score()).isEqualTo(0.6f);
        assertThat(response.marked()).isEqualTo(1);
        assertThat(response.alreadyMarked()).isEqualTo(1);
        assertThat(response.unknown()).isEqualTo(1);
    }

    @Test
    void aStudentSeenInTwoPhotosIsOnePresenceWithTheBestScore() {
        PhotoMatches first = new PhotoMatches(List.of(face(1)), List.of(new Assignment<>(0, ana.id(), 0.91f, 0.2f)));
        PhotoMatches second = new PhotoMatches(List.of(face(2)), List.of(new Assignment<>(0, ana.id(), 0.97f, 0.2f)));

        assertThat(MarkReport.recognised(List.of(first, second))).containsExactly(Map.entry(ana.id(), 0.97f));

        MarkResponse response = MarkReport.of(DAY, List.of(first, second), Set.of(ana.id()), Map.of(ana.id(), ana));
        assertThat(response.faces()).extracting(FaceResult::photo).containsExactly(0, 1);
        assertThat(response.faces()).extracting(FaceResult::status)
                .containsExactly(FaceStatus.MARKED, FaceStatus.MARKED);
        assertThat(response.marked()).isEqualTo(1);
    }

    @Test
    void aStudentDeletedWhileTheRequestRanIsReportedUnknown() {
        PhotoMatches photo = new PhotoMatches(List.of(face(1)), List.of(new Assignment<>(0, ana.id(), 0.95f, 0.1f)));

        MarkResponse response = MarkReport.of(DAY, List.of(photo), Set.of(), Map.of());

        assertThat(response.faces()).extracting(FaceResult::status).containsExactly(FaceStatus.UNKNOWN);
        assertThat(response.unknown()).isEqualTo(1);
        assertThat(response.alreadyMarked()).isZero();
    }

    private static DetectedFace face(float x) {
        return new DetectedFace(new Box(x, 5, 40, 40), List.of(), 0.9f, new FaceQuality(20, 0, 0, 0, 100, 120),
                new float[128], null);
    }
}
