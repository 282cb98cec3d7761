package org.rollcall.attendance;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
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
        jdbc.sql("INSERT INTO attendance_correction (id, class_id, student_id, date, action, corrected_by, corrected_at)"
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

    List<Correction> findByStudent(UUID studentId, DateRange range) {
        return jdbc.sql("SELECT date, action, corrected_by, corrected_at FROM attendance_correction"
                        + " WHERE student_id = :student AND date BETWEEN :from AND :to ORDER BY corrected_at, date")
                .param("student", studentId)
                .param("from", range.from())
                .param("to", range.to())
                .query((rs, row) -> new Correction(rs.getObject("date", LocalDate.class),
                        Correction.Action.valueOf(rs.getString("action")), rs.getObject("corrected_by", UUID.class),
                        rs.getTimestamp("corrected_at").toInstant()))
                .list();
    }
}
