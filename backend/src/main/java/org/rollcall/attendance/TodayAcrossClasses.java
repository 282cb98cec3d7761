package org.rollcall.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rollcall.classes.ClassService;
import org.rollcall.classes.SchoolClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's view of today: for each of the teacher's classes, today's date in the class's own timezone, how
 * many students it has and how many are present. A class is marked when anyone is present today; before that its
 * absences are not known, so none are counted.
 */
@Service
class TodayAcrossClasses {

    /** @param absent null until the class is marked today */
    record ClassToday(
            UUID classId,
            String name,
            String timezone,
            LocalDate date,
            int students,
            int present,
            Integer absent,
            boolean marked) {}

    record Today(List<ClassToday> classes, List<UUID> notMarked) {}

    private final ClassService classes;
    private final ClassDates dates;
    private final JdbcClient jdbc;

    TodayAcrossClasses(ClassService classes, ClassDates dates, JdbcClient jdbc) {
        this.classes = classes;
        this.dates = dates;
        this.jdbc = jdbc;
    }

    Today of(UUID teacherId) {
        List<ClassToday> today =
                classes.list(teacherId).stream().map(this::today).toList();
        return new Today(
                today,
                today.stream().filter(c -> !c.marked()).map(ClassToday::classId).toList());
    }

    private ClassToday today(SchoolClass schoolClass) {
        LocalDate date = dates.today(schoolClass);
        int students = jdbc.sql("SELECT count(*) FROM student WHERE class_id = :class")
                .param("class", schoolClass.id())
                .query(Integer.class)
                .single();
        int present = jdbc.sql("SELECT count(*) FROM attendance WHERE class_id = :class AND date = :date")
                .param("class", schoolClass.id())
                .param("date", date)
                .query(Integer.class)
                .single();
        boolean marked = present > 0;
        return new ClassToday(
                schoolClass.id(),
                schoolClass.name(),
                schoolClass.timezone().getId(),
                date,
                students,
                present,
                marked ? students - present : null,
                marked);
    }
}
