package org.rollcall.students;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StudentRepository {

    /** Roll numbers are usually numbers: "2" before "10". */
    private static final String ROLL_ORDER = "ORDER BY length(roll_no), roll_no, name";

    private final JdbcClient jdbc;

    StudentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the roll number is taken in the class */
    void insert(Student student) {
        jdbc.sql("INSERT INTO student (id, class_id, roll_no, name, email) VALUES (:id, :class, :roll, :name, :email)")
                .param("id", student.id())
                .param("class", student.classId())
                .param("roll", student.rollNo())
                .param("name", student.name())
                .param("email", student.email())
                .update();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the roll number is taken in the class */
    void update(Student student) {
        jdbc.sql("UPDATE student SET roll_no = :roll, name = :name, email = :email WHERE id = :id")
                .param("id", student.id())
                .param("roll", student.rollNo())
                .param("name", student.name())
                .param("email", student.email())
                .update();
    }

    void delete(UUID studentId) {
        jdbc.sql("DELETE FROM student WHERE id = :id").param("id", studentId).update();
    }

    public Optional<Student> findInClass(UUID studentId, UUID classId) {
        return jdbc.sql("SELECT * FROM student WHERE id = :id AND class_id = :class")
                .param("id", studentId)
                .param("class", classId)
                .query(StudentRepository::map)
                .optional();
    }

    Optional<Student> findByRollNo(UUID classId, String rollNo) {
        return jdbc.sql("SELECT * FROM student WHERE class_id = :class AND roll_no = :roll")
                .param("class", classId)
                .param("roll", rollNo)
                .query(StudentRepository::map)
                .optional();
    }

    public List<Student> findByClass(UUID classId) {
        return jdbc.sql("SELECT * FROM student WHERE class_id = :class " + ROLL_ORDER)
                .param("class", classId)
                .query(StudentRepository::map)
                .list();
    }

    /** Students whose name or roll number contains the text, case-insensitively. */
    List<Student> search(UUID classId, String text) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("SELECT * FROM student WHERE class_id = :class AND (name ILIKE :p OR roll_no ILIKE :p) "
                        + ROLL_ORDER)
                .param("class", classId)
                .param("p", pattern)
                .query(StudentRepository::map)
                .list();
    }

    public List<Student> findAll(UUID classId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM student WHERE class_id = :class AND id IN (:ids)")
                .param("class", classId)
                .param("ids", ids)
                .query(StudentRepository::map)
                .list();
    }

    private static Student map(ResultSet rs, int row) throws SQLException {
        return new Student(
                rs.getObject("id", UUID.class),
                rs.getObject("class_id", UUID.class),
                rs.getString("roll_no"),
                rs.getString("name"),
                rs.getString("email"));
    }
}
