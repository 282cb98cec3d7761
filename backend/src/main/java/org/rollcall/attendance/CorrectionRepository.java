package org.rollcall.attendance;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CorrectionRepository {

    private final JdbcClient jdbc;

    CorrectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID classId, UUID studentId, Correction correction) {
        jdbc.sql(
                        "INSERT INTO attendance_correction (id, class_id, student_id, date, action, corrected_by, corrected_at)"
                                + " VALUES (:id, :class, :student, :date, :action, :by, :at)")
                .param("id", UUID.randomUUID())
                .param("class", classId)
                .param("student", studentId)
                .param("date", correction.date())
                .param("action", correction.action().name())
                .param("by", correction.correctedBy())
                .param("at", Timestamp.from(correction.correctedAt()))
                .update();
    }

    /** Of these students, those whose latest correction for the date is an unmark. */
    Set<UUID> lastUnmarked(UUID classId, LocalDate date, Collection<UUID> studentIds) {
        if (studentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT student_id FROM (
                            SELECT DISTINCT ON (student_id) student_id, action FROM attendance_correction
                            WHERE class_id = :class AND date = :date AND student_id IN (:ids)
                            ORDER BY student_id, corrected_at DESC) latest
                        WHERE action = 'UNMARK'""")
                .param("class", classId)
                .param("date", date)
                .param("ids", studentIds)
                .query(UUID.class)
                .list());
    }

    List<Correction> findByStudent(UUID studentId, DateRange range) {
        return jdbc.sql("SELECT date, action, corrected_by, corrected_at FROM attendance_correction"
                        + " WHERE student_id = :student AND date BETWEEN :from AND :to ORDER BY corrected_at, date")
                .param("student", studentId)
                .param("from", range.from())
                .param("to", range.to())
                .query((rs, row) -> new Correction(
                        rs.getObject("date", LocalDate.class),
                        Correction.Action.valueOf(rs.getString("action")),
                        rs.getObject("corrected_by", UUID.class),
                        rs.getTimestamp("corrected_at").toInstant()))
                .list();
    }
}
