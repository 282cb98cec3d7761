package org.rollcall.students;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SHA-256 of the photo a face was enrolled from (bulk enrolment only), so the same photo is not enrolled twice. */
@Repository
class PhotoHashRepository {

    private final JdbcClient jdbc;

    PhotoHashRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean enrolled(UUID studentId, byte[] sha256) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM face WHERE student_id = :student AND photo_sha256 = :hash)")
                .param("student", studentId)
                .param("hash", sha256)
                .query(Boolean.class)
                .single();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the student already has a face from this photo */
    void record(UUID faceId, byte[] sha256) {
        jdbc.sql("UPDATE face SET photo_sha256 = :hash WHERE id = :id")
                .param("id", faceId)
                .param("hash", sha256)
                .update();
    }
}
