package org.rollcall.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TeacherRepository {

    private final JdbcClient jdbc;

    TeacherRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws DuplicateKeyException when the email (case-insensitive) is taken. */
    void insert(Teacher teacher) {
        jdbc.sql("""
                INSERT INTO teacher (id, email, display_name, password_hash, created_at, token_generation)
                VALUES (:id, :email, :displayName, :passwordHash, :createdAt, :tokenGeneration)""")
                .param("id", teacher.id())
                .param("email", teacher.email())
                .param("displayName", teacher.displayName())
                .param("passwordHash", teacher.passwordHash())
                .param("createdAt", OffsetDateTime.ofInstant(teacher.createdAt(), ZoneOffset.UTC))
                .param("tokenGeneration", teacher.tokenGeneration())
                .update();
    }

    Optional<Teacher> findById(UUID id) {
        return jdbc.sql("SELECT * FROM teacher WHERE id = :id")
                .param("id", id)
                .query(TeacherRepository::map)
                .optional();
    }

    Optional<Teacher> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM teacher WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(TeacherRepository::map)
                .optional();
    }

    /** Locks the row so concurrent password changes bump the generation one after the other. */
    Optional<Teacher> findByIdForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM teacher WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(TeacherRepository::map)
                .optional();
    }

    public Optional<Integer> findTokenGeneration(UUID id) {
        return jdbc.sql("SELECT token_generation FROM teacher WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .optional();
    }

    /** Stores a new password hash and returns the new token generation. */
    int updatePassword(UUID id, String passwordHash) {
        return jdbc.sql("""
                UPDATE teacher SET password_hash = :hash, token_generation = token_generation + 1
                WHERE id = :id RETURNING token_generation""")
                .param("id", id)
                .param("hash", passwordHash)
                .query(Integer.class)
                .single();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM teacher WHERE id = :id").param("id", id).update();
    }

    private static Teacher map(ResultSet rs, int row) throws SQLException {
        Instant createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return new Teacher(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                createdAt,
                rs.getInt("token_generation"));
    }
}
