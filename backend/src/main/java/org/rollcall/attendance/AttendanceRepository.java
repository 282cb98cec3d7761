package org.rollcall.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AttendanceRepository {

    private final JdbcClient jdbc;

    AttendanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the presence unless the student already has one for that date. Idempotent under any concurrency: the
     * primary key (student, date) decides, so twenty requests racing on one photo write each student once.
     *
     * @return true if this call wrote it
     */
    boolean markIfAbsent(UUID classId, AttendanceRecord record) {
        return jdbc.sql("""
                        INSERT INTO attendance (student_id, date, class_id, source, score, marked_at, marked_by)
                        SELECT s.id, :date, s.class_id, :source, :score, :at, :by FROM student s
                        WHERE s.id = :student AND s.class_id = :class
                        ON CONFLICT (student_id, date) DO NOTHING""")
                        .param("student", record.studentId())
                        .param("class", classId)
                        .param("date", record.date())
                        .param("source", record.source().name())
                        .param("score", record.score())
                        .param("at", Timestamp.from(record.markedAt()))
                        .param("by", record.markedBy())
                        .update()
                == 1;
    }

    /**
     * Writes recognised students present in one statement, skipping those already present that day (same guarantee
     * as {@link #markIfAbsent}); rows are inserted in student-id order, so concurrent requests over the same students
     * wait for each other instead of deadlocking.
     *
     * @param scores recognition similarity per student of the class
     * @return the students this call wrote
     */
    Set<UUID> markAllIfAbsent(UUID classId, LocalDate date, Map<UUID, Float> scores, Instant at, UUID by) {
        if (scores.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = scores.keySet().stream().sorted().toList();
        float[] values = new float[ids.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = scores.get(ids.get(i));
        }
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO attendance (student_id, date, class_id, source, score, marked_at, marked_by)
                        SELECT s.id, :date, s.class_id, 'PHOTO', m.score, :at, :by
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:scores AS real[])) AS m (id, score)
                        JOIN student s ON s.id = m.id AND s.class_id = :class
                        ORDER BY s.id
                        ON CONFLICT (student_id, date) DO NOTHING
                        RETURNING student_id""")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .param("scores", values)
                .param("class", classId)
                .param("date", date)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .query(UUID.class)
                .list());
    }

    /** Of these students, those present on the date. */
    Set<UUID> presentAmong(UUID classId, LocalDate date, java.util.Collection<UUID> studentIds) {
        if (studentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT student_id FROM attendance WHERE class_id = :class AND date = :date"
                        + " AND student_id IN (:ids)")
                .param("class", classId)
                .param("date", date)
                .param("ids", studentIds)
                .query(UUID.class)
                .list());
    }

    Optional<AttendanceRecord> find(UUID studentId, LocalDate date) {
        return jdbc.sql("SELECT * FROM attendance WHERE student_id = :student AND date = :date")
                .param("student", studentId)
                .param("date", date)
                .query(AttendanceRepository::map)
                .optional();
    }

    boolean delete(UUID studentId, LocalDate date) {
        return jdbc.sql("DELETE FROM attendance WHERE student_id = :student AND date = :date")
                        .param("student", studentId)
                        .param("date", date)
                        .update()
                == 1;
    }

    List<AttendanceRecord> findByClass(UUID classId, DateRange range) {
        return jdbc.sql("SELECT * FROM attendance WHERE class_id = :class AND date BETWEEN :from AND :to"
                        + " ORDER BY date, student_id")
                .param("class", classId)
                .param("from", range.from())
                .param("to", range.to())
                .query(AttendanceRepository::map)
                .list();
    }

    /** The dates in the range on which anyone of the class was present, ascending. */
    List<LocalDate> schoolDays(UUID classId, DateRange range) {
        return jdbc.sql("SELECT DISTINCT date FROM attendance WHERE class_id = :class AND date BETWEEN :from AND :to"
                        + " ORDER BY date")
                .param("class", classId)
                .param("from", range.from())
                .param("to", range.to())
                .query(LocalDate.class)
                .list();
    }

    List<AttendanceRecord> findByStudent(UUID studentId, DateRange range) {
        return jdbc.sql("SELECT * FROM attendance WHERE student_id = :student AND date BETWEEN :from AND :to"
                        + " ORDER BY date")
                .param("student", studentId)
                .param("from", range.from())
                .param("to", range.to())
                .query(AttendanceRepository::map)
                .list();
    }

    private static AttendanceRecord map(ResultSet rs, int row) throws SQLException {
        float score = rs.getFloat("score");
        return new AttendanceRecord(
                rs.getObject("student_id", UUID.class),
                rs.getObject("date", LocalDate.class),
                AttendanceSource.valueOf(rs.getString("source")),
                rs.wasNull() ? null : score,
                rs.getTimestamp("marked_at").toInstant(),
                rs.getObject("marked_by", UUID.class));
    }
}
