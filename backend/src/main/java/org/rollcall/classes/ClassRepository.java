package org.rollcall.classes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ClassRepository {

    private final JdbcClient jdbc;

    ClassRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SchoolClass schoolClass) {
        jdbc.sql("INSERT INTO school_class (id, teacher_id, name, timezone) VALUES (:id, :teacher, :name, :tz)")
                .param("id", schoolClass.id())
                .param("teacher", schoolClass.teacherId())
                .param("name", schoolClass.name())
                .param("tz", schoolClass.timezone().getId())
                .update();
    }

    List<SchoolClass> findByTeacher(UUID teacherId) {
        return jdbc.sql("SELECT * FROM school_class WHERE teacher_id = :teacher ORDER BY created_at, name")
                .param("teacher", teacherId)
                .query(ClassRepository::map)
                .list();
    }

    /** The class only if it belongs to this teacher: other teachers' classes do not exist for them. */
    Optional<SchoolClass> findOwned(UUID classId, UUID teacherId) {
        return jdbc.sql("SELECT * FROM school_class WHERE id = :id AND teacher_id = :teacher")
                .param("id", classId)
                .param("teacher", teacherId)
                .query(ClassRepository::map)
                .optional();
    }

    void update(SchoolClass schoolClass) {
        jdbc.sql("UPDATE school_class SET name = :name, timezone = :tz WHERE id = :id")
                .param("id", schoolClass.id())
                .param("name", schoolClass.name())
                .param("tz", schoolClass.timezone().getId())
                .update();
    }

    void delete(UUID classId) {
        jdbc.sql("DELETE FROM school_class WHERE id = :id").param("id", classId).update();
    }

    private static SchoolClass map(ResultSet rs, int row) throws SQLException {
        return new SchoolClass(
                rs.getObject("id", UUID.class),
                rs.getObject("teacher_id", UUID.class),
                rs.getString("name"),
                ZoneId.of(rs.getString("timezone")));
    }
}
