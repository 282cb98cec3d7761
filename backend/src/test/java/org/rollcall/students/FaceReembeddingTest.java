package org.rollcall.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngine;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.SampleClass;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A database holding faces of an older model id (the dlib-only engine before the fused recogniser): they are
 * re-embedded from what is stored, once, and recognised again, with no re-enrolment.
 */
class FaceReembeddingTest extends IntegrationTestSupport {

    private static final String OLD_MODEL = "dlib-resnet-v1/sp5-chip150-p0.25+flip";

    @Autowired
    private FaceEngine engine;

    @Autowired
    private FaceReembedding reembedding;

    @Test
    void facesOfAnOldModelAreReEmbeddedFromTheirCropOrThumbnailAndRecognisedAgain() {
        SampleClass sample = SampleClass.of(engine, 6, 4);
        TestApi.Client teacher = newTeacher();
        UUID classId = teacher.createClass("8D", "UTC");
        UUID fromThumbnail =
                teacher.enrolled(classId, "Ann", "1", sample.enrolmentPhotos().get(0));
        UUID fromCrop =
                teacher.enrolled(classId, "Ben", "2", sample.enrolmentPhotos().get(1));
        UUID nothingKept =
                teacher.enrolled(classId, "Cai", "3", sample.enrolmentPhotos().get(2));
        // as the old engine left them: its own 128-d vectors; faces stored before crops existed have only the
        // JPEG thumbnail of dlib's chip; one face kept neither
        jdbc.sql("UPDATE face SET model_id = :old, embedding = :v WHERE student_id IN (:ids)")
                .param("old", OLD_MODEL)
                .param("v", new float[128])
                .param("ids", List.of(fromThumbnail, fromCrop, nothingKept))
                .update();
        jdbc.sql("UPDATE face SET crop = NULL WHERE student_id = :s")
                .param("s", fromThumbnail)
                .update();
        jdbc.sql("UPDATE face SET crop = NULL, thumbnail = NULL WHERE student_id = :s")
                .param("s", nothingKept)
                .update();
        assertThat(needsReEnrolment(teacher, classId))
                .containsEntry("Ann", true)
                .containsEntry("Ben", true);

        int done = reembedding.run();

        assertThat(done).isGreaterThanOrEqualTo(2); // other tests' classes may hold stale faces too
        Map<String, Object> ann = face(fromThumbnail);
        assertThat(ann.get("model_id")).isEqualTo(engine.modelId());
        assertThat(ann.get("dims"))
                .isEqualTo(
                        engine.findFaces(sample.enrolmentPhotos().get(0)).get(0).embedding().length);
        assertThat(face(fromCrop).get("model_id")).isEqualTo(engine.modelId());
        assertThat(face(nothingKept).get("model_id")).isEqualTo(OLD_MODEL);
        assertThat(needsReEnrolment(teacher, classId))
                .containsEntry("Ann", false)
                .containsEntry("Ben", false)
                .containsEntry("Cai", true);
        assertThat(reembedding.run()).as("a second run has nothing left to do").isZero();

        JsonNode marked = check(
                        teacher.mark(classId, LocalDate.of(2026, 5, 4), TestPhotos.jpeg(sample.photo(), 0.95f)), 200)
                .json();
        List<String> present = TestApi.list(marked.get("faces")).stream()
                .filter(f -> f.get("student") != null && !f.get("student").isNull())
                .map(f -> f.get("student").get("name").asString())
                .toList();
        assertThat(present).contains("Ann", "Ben").doesNotContain("Cai");
    }

    private Map<String, Object> face(UUID studentId) {
        return jdbc.sql("SELECT model_id, cardinality(embedding) AS dims FROM face WHERE student_id = :s")
                .param("s", studentId)
                .query()
                .singleRow();
    }

    private static Map<String, Boolean> needsReEnrolment(TestApi.Client teacher, UUID classId) {
        return TestApi.list(check(teacher.get("/api/classes/" + classId + "/students"), 200)
                        .json())
                .stream()
                .collect(Collectors.toMap(
                        s -> s.get("name").asString(),
                        s -> s.get("needsReEnrolment").asBoolean()));
    }
}
