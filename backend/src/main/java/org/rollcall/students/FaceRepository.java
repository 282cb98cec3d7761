package org.rollcall.students;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rollcall.face.Enrolment;
import org.rollcall.face.FaceQuality;
import org.rollcall.face.GalleryEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FaceRepository {

    private static final String METADATA = "f.id, f.student_id, f.model_id, f.inter_ocular_px, f.yaw_deg, f.pitch_deg,"
            + " f.roll_deg, f.sharpness, f.brightness, f.created_at, f.source, f.marking_id, f.learned_date";

    private final JdbcClient jdbc;

    FaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID studentId, String modelId, Enrolment enrolment) {
        UUID id = UUID.randomUUID();
        FaceQuality q = enrolment.face().quality();
        jdbc.sql("""
                        INSERT INTO face (id, student_id, model_id, embedding, inter_ocular_px, yaw_deg, pitch_deg,
                                          roll_deg, sharpness, brightness, thumbnail, crop)
                        VALUES (:id, :student, :model, :embedding, :iod, :yaw, :pitch, :roll, :sharpness, :brightness,
                                :thumbnail, :crop)""")
                .param("id", id)
                .param("student", studentId)
                .param("model", modelId)
                .param("embedding", enrolment.face().embedding())
                .param("iod", q.interOcularPx())
                .param("yaw", q.yawDeg())
                .param("pitch", q.pitchDeg())
                .param("roll", q.rollDeg())
                .param("sharpness", q.sharpness())
                .param("brightness", q.brightness())
                .param("thumbnail", enrolment.thumbnailJpeg())
                .param("crop", enrolment.face().crop().png())
                .update();
        return id;
    }

    /** A face a teacher confirmed on a marking; its crop is kept so it can be embedded again after a model change. */
    UUID insertLearned(UUID studentId, LearnedFaces.FaceToLearn face) {
        UUID id = UUID.randomUUID();
        FaceQuality q = face.quality();
        jdbc.sql("""
                        INSERT INTO face (id, student_id, model_id, embedding, inter_ocular_px, yaw_deg, pitch_deg,
                                          roll_deg, sharpness, brightness, thumbnail, crop, source, marking_id,
                                          marking_face_id, learned_date)
                        VALUES (:id, :student, :model, :embedding, :iod, :yaw, :pitch, :roll, :sharpness, :brightness,
                                :thumbnail, :crop, 'LEARNED', :marking, :markingFace, :date)""")
                .param("id", id)
                .param("student", studentId)
                .param("model", face.modelId())
                .param("embedding", face.embedding())
                .param("iod", q.interOcularPx())
                .param("yaw", q.yawDeg())
                .param("pitch", q.pitchDeg())
                .param("roll", q.rollDeg())
                .param("sharpness", q.sharpness())
                .param("brightness", q.brightness())
                .param("thumbnail", face.thumbnail())
                .param("crop", face.crop())
                .param("marking", face.markingId())
                .param("markingFace", face.markingFaceId())
                .param("date", face.date())
                .update();
        return id;
    }

    /** The student's faces of this model with their embeddings (to keep the learned ones diverse). */
    List<Embedded> embeddings(UUID studentId, String modelId) {
        return jdbc.sql("SELECT id, source, embedding FROM face WHERE student_id = :student AND model_id = :model")
                .param("student", studentId)
                .param("model", modelId)
                .query((rs, row) -> new Embedded(
                        rs.getObject("id", UUID.class),
                        FaceSource.valueOf(rs.getString("source")),
                        floats(rs.getArray("embedding"))))
                .list();
    }

    record Embedded(UUID id, FaceSource source, float[] embedding) {}

    boolean deleteById(UUID faceId) {
        return jdbc.sql("DELETE FROM face WHERE id = :id").param("id", faceId).update() == 1;
    }

    /** Removes the learned copy of a marking face, if any. */
    boolean deleteLearnedFrom(UUID markingFaceId) {
        return jdbc.sql("DELETE FROM face WHERE marking_face_id = :mf AND source = 'LEARNED'")
                        .param("mf", markingFaceId)
                        .update()
                > 0;
    }

    /** Which of these marking faces have a learned copy. */
    List<UUID> learnedFrom(java.util.Collection<UUID> markingFaceIds) {
        if (markingFaceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT marking_face_id FROM face WHERE marking_face_id IN (:ids)")
                .param("ids", markingFaceIds)
                .query(UUID.class)
                .list();
    }

    List<StoredFace> findByStudent(UUID studentId) {
        return jdbc.sql("SELECT " + METADATA + " FROM face f WHERE f.student_id = :student ORDER BY f.created_at")
                .param("student", studentId)
                .query(FaceRepository::map)
                .list();
    }

    List<StoredFace> findByClass(UUID classId) {
        return jdbc.sql("SELECT " + METADATA + " FROM face f JOIN student s ON s.id = f.student_id"
                        + " WHERE s.class_id = :class ORDER BY f.created_at")
                .param("class", classId)
                .query(FaceRepository::map)
                .list();
    }

    /** The class's embeddings made by this model; embeddings of other models are not comparable and left out. */
    List<GalleryEntry<UUID>> gallery(UUID classId, String modelId) {
        return jdbc.sql("SELECT f.student_id, f.embedding FROM face f JOIN student s ON s.id = f.student_id"
                        + " WHERE s.class_id = :class AND f.model_id = :model")
                .param("class", classId)
                .param("model", modelId)
                .query((rs, row) ->
                        new GalleryEntry<>(rs.getObject("student_id", UUID.class), floats(rs.getArray("embedding"))))
                .list();
    }

    /** A stored face whose embedding another model made, with what it can be re-embedded from. */
    record StaleFace(UUID id, String modelId, byte[] crop, byte[] thumbnail) {}

    /** Faces not embedded by this model that have a crop or thumbnail to re-embed from, in id order after {@code after}. */
    List<StaleFace> staleFaces(String modelId, UUID after, int limit) {
        return jdbc.sql("""
                        SELECT id, model_id, crop, thumbnail FROM face
                        WHERE model_id <> :model AND (crop IS NOT NULL OR thumbnail IS NOT NULL) AND id > :after
                        ORDER BY id LIMIT :limit""")
                .param("model", modelId)
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) -> new StaleFace(
                        rs.getObject("id", UUID.class),
                        rs.getString("model_id"),
                        rs.getBytes("crop"),
                        rs.getBytes("thumbnail")))
                .list();
    }

    long countStale(String modelId) {
        return jdbc.sql(
                        "SELECT count(*) FROM face WHERE model_id <> :model AND (crop IS NOT NULL OR thumbnail IS NOT NULL)")
                .param("model", modelId)
                .query(Long.class)
                .single();
    }

    /** Replaces the embedding unless another replica already did (the model id is the guard). */
    boolean reembedded(UUID faceId, String fromModel, String toModel, float[] embedding) {
        return jdbc.sql("UPDATE face SET embedding = :embedding, model_id = :to WHERE id = :id AND model_id = :from")
                        .param("embedding", embedding)
                        .param("to", toModel)
                        .param("id", faceId)
                        .param("from", fromModel)
                        .update()
                == 1;
    }

    Optional<byte[]> thumbnail(UUID faceId, UUID studentId) {
        return jdbc.sql("SELECT thumbnail FROM face WHERE id = :id AND student_id = :student AND thumbnail IS NOT NULL")
                .param("id", faceId)
                .param("student", studentId)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    boolean delete(UUID faceId, UUID studentId) {
        return jdbc.sql("DELETE FROM face WHERE id = :id AND student_id = :student")
                        .param("id", faceId)
                        .param("student", studentId)
                        .update()
                == 1;
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] boxed = (Object[]) array.getArray();
        float[] values = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = ((Number) boxed[i]).floatValue();
        }
        return values;
    }

    private static StoredFace map(ResultSet rs, int row) throws SQLException {
        FaceQuality quality = new FaceQuality(
                rs.getFloat("inter_ocular_px"),
                rs.getFloat("yaw_deg"),
                rs.getFloat("pitch_deg"),
                rs.getFloat("roll_deg"),
                rs.getFloat("sharpness"),
                rs.getFloat("brightness"));
        Timestamp created = rs.getTimestamp("created_at");
        return new StoredFace(
                rs.getObject("id", UUID.class),
                rs.getObject("student_id", UUID.class),
                rs.getString("model_id"),
                quality,
                created.toInstant(),
                FaceSource.valueOf(rs.getString("source")),
                rs.getObject("marking_id", UUID.class),
                rs.getObject("learned_date", java.time.LocalDate.class));
    }
}
