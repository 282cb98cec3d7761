package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.rollcall.face.GalleryEntry;
import org.rollcall.students.StudentRef;

class MarkReportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 11);
    private final StudentRef ana = new StudentRef(UUID.randomUUID(), "Ana", "1");
    private final StudentRef ben = new StudentRef(UUID.randomUUID(), "Ben", "2");
    private final StudentRef cat = new StudentRef(UUID.randomUUID(), "Cat", "3");
    private final Marking marking =
            new Marking(UUID.randomUUID(), UUID.randomUUID(), DAY, 1, Instant.EPOCH, Instant.EPOCH.plusSeconds(3600));

    @Test
    void reportsEachFaceWithWhatTheDatabaseSaysOfItsStudent() {
        PhotoMatches photo = new PhotoMatches(
                List.of(face(10, 1, 0), face(20, 0, 1), face(30, 0.6f, 0.8f)),
                List.of(
                        new Assignment<>(0, ana.id(), 0.95f, 0.4f),
                        new Assignment<>(1, ben.id(), 0.93f, 0.5f),
                        new Assignment<>(2, null, 0.6f, 0.5f)));
        List<GalleryEntry<UUID>> roster = List.of(
                new GalleryEntry<>(ana.id(), unit(1, 0)),
                new GalleryEntry<>(ben.id(), unit(0, 1)),
                new GalleryEntry<>(ben.id(), unit(0.6f, 0.8f)));

        List<MarkingFace> faces =
                MarkReport.faces(List.of(photo), roster, "m", Set.of(), Set.of(), MarkReportTest::dot);
        List<MarkingFace> stored = List.of(written(faces.get(0)), faces.get(1), faces.get(2));
        MarkResponse response = MarkingView.of(
                marking, stored, Set.of(ana.id(), ben.id()), Map.of(ana.id(), ana, ben.id(), ben), Set.of());

        assertThat(response.date()).isEqualTo(DAY);
        assertThat(response.faces())
                .extracting(FaceResult::status)
                .containsExactly(FaceStatus.MARKED, FaceStatus.ALREADY_MARKED, FaceStatus.UNKNOWN);
        assertThat(response.faces()).extracting(FaceResult::student).containsExactly(ana, ben, null);
        assertThat(response.faces()).extracting(f -> f.box().x()).containsExactly(10f, 20f, 30f);
        assertThat(response.faces().get(2).score()).isEqualTo(0.6f);
        // the unknown face resembles Ben most (one of his faces is exactly it), then Ana
        assertThat(response.faces().get(2).candidates())
                .extracting(Candidate::student)
                .containsExactly(ben, ana);
        assertThat(response.faces().get(1).candidates()).isEmpty();
        assertThat(response.marked()).isEqualTo(1);
        assertThat(response.alreadyMarked()).isEqualTo(1);
        assertThat(response.unknown()).isEqualTo(1);
    }

    @Test
    void aStudentSeenInTwoPhotosIsOnePresenceWithTheBestScore() {
        PhotoMatches first =
                new PhotoMatches(List.of(face(1, 1, 0)), List.of(new Assignment<>(0, ana.id(), 0.91f, 0.2f)));
        PhotoMatches second =
                new PhotoMatches(List.of(face(2, 1, 0)), List.of(new Assignment<>(0, ana.id(), 0.97f, 0.2f)));

        assertThat(MarkReport.recognised(List.of(first, second))).containsExactly(Map.entry(ana.id(), 0.97f));

        List<MarkingFace> faces =
                MarkReport.faces(List.of(first, second), List.of(), "m", Set.of(), Set.of(), MarkReportTest::dot)
                        .stream()
                        .map(MarkReportTest::written)
                        .toList();
        MarkResponse response = MarkingView.of(marking, faces, Set.of(ana.id()), Map.of(ana.id(), ana), Set.of());
        assertThat(response.faces()).extracting(FaceResult::photo).containsExactly(0, 1);
        assertThat(response.faces())
                .extracting(FaceResult::status)
                .containsExactly(FaceStatus.MARKED, FaceStatus.MARKED);
        assertThat(response.marked()).isEqualTo(1);
    }

    @Test
    void aStudentDeletedWhileTheRequestRanIsReportedUnknown() {
        PhotoMatches photo =
                new PhotoMatches(List.of(face(1, 1, 0)), List.of(new Assignment<>(0, ana.id(), 0.95f, 0.1f)));

        MarkResponse response = MarkingView.of(
                marking,
                MarkReport.faces(List.of(photo), List.of(), "m", Set.of(), Set.of(), MarkReportTest::dot),
                Set.of(),
                Map.of(),
                Set.of());

        assertThat(response.faces()).extracting(FaceResult::status).containsExactly(FaceStatus.UNKNOWN);
        assertThat(response.unknown()).isEqualTo(1);
        assertThat(response.alreadyMarked()).isZero();
    }

    @Test
    void aRecognisedStudentWhoIsNotPresentIsKeptAbsentAndARejectedFaceIsUnknown() {
        PhotoMatches photo = new PhotoMatches(
                List.of(face(1, 1, 0), face(2, 0, 1)),
                List.of(new Assignment<>(0, ana.id(), 0.95f, 0.1f), new Assignment<>(1, cat.id(), 0.96f, 0.1f)));
        List<MarkingFace> faces =
                MarkReport.faces(List.of(photo), List.of(), "m", Set.of(ana.id()), Set.of(), MarkReportTest::dot);
        assertThat(faces.get(0).decided()).isEqualTo(FaceStatus.KEPT_ABSENT);
        MarkingFace rejected = faces.get(1);
        rejected = new MarkingFace(
                rejected.id(),
                rejected.position(),
                rejected.photo(),
                rejected.box(),
                rejected.modelId(),
                null,
                rejected.quality(),
                null,
                null,
                rejected.decided(),
                FaceCorrection.REJECTED,
                null,
                rejected.score(),
                List.of(),
                List.of(),
                false,
                false);

        MarkResponse response = MarkingView.of(
                marking, List.of(faces.get(0), rejected), Set.of(), Map.of(ana.id(), ana, cat.id(), cat), Set.of());

        assertThat(response.faces())
                .extracting(FaceResult::status)
                .containsExactly(FaceStatus.KEPT_ABSENT, FaceStatus.UNKNOWN);
        assertThat(response.faces().get(0).student()).isEqualTo(ana);
        assertThat(response.faces().get(1).correction()).isEqualTo(FaceCorrection.REJECTED);
        assertThat(response.keptAbsent()).isEqualTo(1);
        assertThat(response.marked()).isZero();
    }

    @Test
    void anUnknownFaceCloseToAStudentNeedsALookUntilTheTeacherSaysSomething() {
        DetectedFace close = face(1, 0.6f, 0.8f);
        PhotoMatches photo = new PhotoMatches(
                List.of(close, face(2, 1, 0)),
                List.of(new Assignment<>(0, null, 0.9f, 0.5f), new Assignment<>(1, ana.id(), 0.97f, 0.1f)));
        List<GalleryEntry<UUID>> roster =
                List.of(new GalleryEntry<>(ben.id(), unit(0, 1)), new GalleryEntry<>(ana.id(), unit(1, 0)));

        List<MarkingFace> faces =
                MarkReport.faces(List.of(photo), roster, "m", Set.of(), Set.of(close), MarkReportTest::dot);
        MarkResponse response =
                MarkingView.of(marking, faces, Set.of(ana.id()), Map.of(ana.id(), ana, ben.id(), ben), Set.of());

        assertThat(response.faces()).extracting(FaceResult::needsReview).containsExactly(true, false);
        assertThat(response.faces().get(0).candidates().getFirst().student()).isEqualTo(ben);
        MarkingFace rejected = faces.get(0);
        rejected = new MarkingFace(
                rejected.id(),
                rejected.position(),
                rejected.photo(),
                rejected.box(),
                rejected.modelId(),
                null,
                rejected.quality(),
                null,
                null,
                rejected.decided(),
                FaceCorrection.REJECTED,
                null,
                rejected.score(),
                rejected.candidateIds(),
                rejected.candidateScores(),
                true,
                false);
        assertThat(MarkingView.of(marking, List.of(rejected), Set.of(), Map.of(ben.id(), ben), Set.of())
                        .faces()
                        .getFirst()
                        .needsReview())
                .isFalse();
    }

    @Test
    void candidatesAreTheThreeClosestStudentsBestFirstComparingOnlyVectorsOfOneLength() {
        StudentRef dan = new StudentRef(UUID.randomUUID(), "Dan", "4");
        List<GalleryEntry<UUID>> roster = List.of(
                new GalleryEntry<>(ana.id(), unit(1, 0)), new GalleryEntry<>(ana.id(), unit(0.8f, 0.6f)),
                new GalleryEntry<>(ben.id(), unit(0.6f, 0.8f)), new GalleryEntry<>(cat.id(), unit(0, 1)),
                new GalleryEntry<>(dan.id(), unit(-1, 0)), new GalleryEntry<>(dan.id(), new float[] {1, 0, 0}));

        List<Candidates.Scored> top = Candidates.top(unit(1, 0), roster, 3, MarkReportTest::dot);

        assertThat(top).extracting(Candidates.Scored::studentId).containsExactly(ana.id(), ben.id(), cat.id());
        assertThat(top.get(0).score()).isEqualTo(1f);
    }

    private static MarkingFace written(MarkingFace f) {
        return new MarkingFace(
                f.id(),
                f.position(),
                f.photo(),
                f.box(),
                f.modelId(),
                f.embedding(),
                f.quality(),
                f.thumbnail(),
                f.crop(),
                FaceStatus.MARKED,
                f.correction(),
                f.studentId(),
                f.score(),
                f.candidateIds(),
                f.candidateScores(),
                false,
                true);
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static float[] unit(float x, float y) {
        return new float[] {x, y};
    }

    private static DetectedFace face(float x, float ex, float ey) {
        return new DetectedFace(
                new Box(x, 5, 40, 40), List.of(), 0.9f, new FaceQuality(20, 0, 0, 0, 100, 120), unit(ex, ey), null);
    }
}
