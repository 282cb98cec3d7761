package org.rollcall.attendance;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rollcall.face.Box;
import org.rollcall.face.FaceQuality;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MarkingRepository {

    private static final String LIGHT = "id, position, photo, box_x, box_y, box_width, box_height, model_id,"
            + " inter_ocular_px, yaw_deg, pitch_deg, roll_deg, sharpness, brightness, status, correction, student_id,"
            + " score, candidate_ids, candidate_scores, needs_review, wrote_presence";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MarkingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insert(Marking marking, UUID teacherId) {
        jdbc.sql("INSERT INTO marking (id, class_id, date, photo_count, created_at, created_by, review_until)"
                        + " VALUES (:id, :class, :date, :photos, :at, :by, :until)")
                .param("id", marking.id())
                .param("class", marking.classId())
                .param("date", marking.date())
                .param("photos", marking.photoCount())
                .param("at", Timestamp.from(marking.createdAt()))
                .param("by", teacherId)
                .param("until", Timestamp.from(marking.reviewUntil()))
                .update();
    }

    void insertFaces(UUID markingId, List<MarkingFace> faces) {
        template.batchUpdate("""
                INSERT INTO marking_face (id, marking_id, position, photo, box_x, box_y, box_width, box_height,
                    model_id, embedding, inter_ocular_px, yaw_deg, pitch_deg, roll_deg, sharpness, brightness,
                    thumbnail, crop, status, student_id, score, candidate_ids, candidate_scores, needs_review,
                    wrote_presence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                MarkingFace f = faces.get(i);
                int c = 1;
                ps.setObject(c++, f.id());
                ps.setObject(c++, markingId);
                ps.setInt(c++, f.position());
                ps.setInt(c++, f.photo());
                ps.setFloat(c++, f.box().x());
                ps.setFloat(c++, f.box().y());
                ps.setFloat(c++, f.box().width());
                ps.setFloat(c++, f.box().height());
                ps.setString(c++, f.modelId());
                ps.setArray(c++, ps.getConnection().createArrayOf("real", boxed(f.embedding())));
                FaceQuality q = f.quality();
                ps.setFloat(c++, q.interOcularPx());
                ps.setFloat(c++, q.yawDeg());
                ps.setFloat(c++, q.pitchDeg());
                ps.setFloat(c++, q.rollDeg());
                ps.setFloat(c++, q.sharpness());
                ps.setFloat(c++, q.brightness());
                ps.setBytes(c++, f.thumbnail());
                ps.setBytes(c++, f.crop());
                ps.setString(c++, f.decided().name());
                ps.setObject(c++, f.studentId());
                ps.setFloat(c++, f.score());
                ps.setArray(
                        c++,
                        ps.getConnection()
                                .createArrayOf("uuid", f.candidateIds().toArray()));
                ps.setArray(
                        c++,
                        ps.getConnection()
                                .createArrayOf("real", f.candidateScores().toArray()));
                ps.setBoolean(c++, f.needsReview());
                ps.setBoolean(c, f.wrotePresence());
            }

            @Override
            public int getBatchSize() {
                return faces.size();
            }
        });
    }

    Optional<Marking> find(UUID markingId, UUID classId) {
        return jdbc.sql("SELECT * FROM marking WHERE id = :id AND class_id = :class")
                .param("id", markingId)
                .param("class", classId)
                .query(MarkingRepository::marking)
                .optional();
    }

    /** The marking, locked until the transaction ends: corrections of one marking happen one after the other. */
    Optional<Marking> lock(UUID markingId, UUID classId) {
        return jdbc.sql("SELECT * FROM marking WHERE id = :id AND class_id = :class FOR UPDATE")
                .param("id", markingId)
                .param("class", classId)
                .query(MarkingRepository::marking)
                .optional();
    }

    /** The class's markings of a date that can still be reviewed, oldest first. */
    List<Marking> openOn(UUID classId, LocalDate date, Instant now) {
        return jdbc.sql("SELECT * FROM marking WHERE class_id = :class AND date = :date AND review_until > :now"
                        + " ORDER BY created_at, id")
                .param("class", classId)
                .param("date", date)
                .param("now", Timestamp.from(now))
                .query(MarkingRepository::marking)
                .list();
    }

    List<MarkingFace> faces(UUID markingId) {
        return jdbc.sql("SELECT " + LIGHT + " FROM marking_face WHERE marking_id = :marking ORDER BY position")
                .param("marking", markingId)
                .query((rs, row) -> face(rs, false))
                .list();
    }

    /** One face with its embedding, crop and thumbnail (to learn it). */
    Optional<MarkingFace> faceToLearn(UUID markingId, UUID faceId) {
        return jdbc.sql("SELECT " + LIGHT + ", embedding, thumbnail, crop FROM marking_face"
                        + " WHERE marking_id = :marking AND id = :id")
                .param("marking", markingId)
                .param("id", faceId)
                .query((rs, row) -> face(rs, true))
                .optional();
    }

    Optional<byte[]> thumbnail(UUID markingId, UUID faceId) {
        return jdbc.sql("SELECT thumbnail FROM marking_face WHERE marking_id = :marking AND id = :id"
                        + " AND thumbnail IS NOT NULL")
                .param("marking", markingId)
                .param("id", faceId)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    void correct(UUID faceId, FaceCorrection correction, UUID studentId, boolean wrotePresence, UUID by, Instant at) {
        jdbc.sql("UPDATE marking_face SET correction = :correction, student_id = :student,"
                        + " wrote_presence = :wrote, corrected_by = :by, corrected_at = :at WHERE id = :id")
                .param("id", faceId)
                .param("correction", correction.name())
                .param("student", studentId)
                .param("wrote", wrotePresence)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Hands the presence of the student on that date to another face of the class still given to them, if there is
     * one (e.g. the same student in a second photo of the hall).
     *
     * @return whether another face holds it now
     */
    boolean handPresenceToAnotherFace(UUID classId, LocalDate date, UUID studentId, UUID exceptFaceId) {
        return jdbc.sql("""
                        UPDATE marking_face SET wrote_presence = true WHERE id = (
                            SELECT f.id FROM marking_face f JOIN marking m ON m.id = f.marking_id
                            WHERE m.class_id = :class AND m.date = :date AND f.student_id = :student
                              AND f.id <> :except AND (f.wrote_presence OR f.status IN ('MARKED', 'ALREADY_MARKED'))
                            ORDER BY f.wrote_presence DESC LIMIT 1)""")
                        .param("class", classId)
                        .param("date", date)
                        .param("student", studentId)
                        .param("except", exceptFaceId)
                        .update()
                == 1;
    }

    /** Deletes the faces of markings whose review window has closed; the marking rows stay (so late calls get 410). */
    int deleteClosedFaces(Instant now) {
        return jdbc.sql("DELETE FROM marking_face f USING marking m WHERE m.id = f.marking_id"
                        + " AND m.review_until <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    int deleteMarkingsClosedBefore(Instant instant) {
        return jdbc.sql("DELETE FROM marking WHERE review_until <= :before")
                .param("before", Timestamp.from(instant))
                .update();
    }

    private static Marking marking(ResultSet rs, int row) throws SQLException {
        return new Marking(
                rs.getObject("id", UUID.class),
                rs.getObject("class_id", UUID.class),
                rs.getObject("date", LocalDate.class),
                rs.getInt("photo_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("review_until").toInstant());
    }

    private static MarkingFace face(ResultSet rs, boolean heavy) throws SQLException {
        Box box = new Box(
                rs.getFloat("box_x"), rs.getFloat("box_y"), rs.getFloat("box_width"), rs.getFloat("box_height"));
        FaceQuality quality = new FaceQuality(
                rs.getFloat("inter_ocular_px"),
                rs.getFloat("yaw_deg"),
                rs.getFloat("pitch_deg"),
                rs.getFloat("roll_deg"),
                rs.getFloat("sharpness"),
                rs.getFloat("brightness"));
        String correction = rs.getString("correction");
        List<UUID> candidateIds = new ArrayList<>();
        for (Object id : (Object[]) rs.getArray("candidate_ids").getArray()) {
            candidateIds.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
        }
        List<Float> candidateScores = new ArrayList<>();
        for (Object score : (Object[]) rs.getArray("candidate_scores").getArray()) {
            candidateScores.add(((Number) score).floatValue());
        }
        return new MarkingFace(
                rs.getObject("id", UUID.class),
                rs.getInt("position"),
                rs.getInt("photo"),
                box,
                rs.getString("model_id"),
                heavy ? floats(rs.getArray("embedding")) : null,
                quality,
                heavy ? rs.getBytes("thumbnail") : null,
                heavy ? rs.getBytes("crop") : null,
                FaceStatus.valueOf(rs.getString("status")),
                correction == null ? null : FaceCorrection.valueOf(correction),
                rs.getObject("student_id", UUID.class),
                rs.getFloat("score"),
                candidateIds,
                candidateScores,
                rs.getBoolean("needs_review"),
                rs.getBoolean("wrote_presence"));
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        Arrays.setAll(boxed, i -> values[i]);
        return boxed;
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] boxed = (Object[]) array.getArray();
        float[] values = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = ((Number) boxed[i]).floatValue();
        }
        return values;
    }
}
