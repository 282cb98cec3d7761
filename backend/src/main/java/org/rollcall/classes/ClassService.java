package org.rollcall.classes;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.rollcall.web.ApiException;
import org.rollcall.web.CurrentTeacher;
import org.rollcall.web.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ClassService {

    private final ClassRepository classes;
    private final Clock clock;

    ClassService(ClassRepository classes, Clock clock) {
        this.classes = classes;
        this.clock = clock;
    }

    public List<SchoolClass> list(UUID teacherId) {
        return classes.findByTeacher(teacherId);
    }

    /**
     * The teacher's class, or 404: another teacher's class is indistinguishable from a missing one. A request loads
     * it here once and hands the SchoolClass on, so nothing further down takes a class id and a teacher id that
     * could be swapped or checked twice.
     */
    public SchoolClass owned(CurrentTeacher teacher, UUID classId) {
        return classes.findOwned(classId, teacher.id()).orElseThrow(() -> new ApiException(ErrorCode.CLASS_NOT_FOUND));
    }

    @Transactional
    public SchoolClass create(UUID teacherId, String name, String timezone) {
        ZoneId zone = timezone == null || timezone.isBlank() ? clock.getZone() : Timezones.parse(timezone);
        SchoolClass created = new SchoolClass(UUID.randomUUID(), teacherId, name.strip(), zone);
        classes.insert(created);
        return created;
    }

    @Transactional
    public SchoolClass update(SchoolClass current, UpdateClassRequest change) {
        SchoolClass updated = new SchoolClass(
                current.id(),
                current.teacherId(),
                change.name() == null ? current.name() : change.name().strip(),
                change.timezone() == null ? current.timezone() : Timezones.parse(change.timezone()));
        classes.update(updated);
        return updated;
    }

    /** Erases the class with its students, faces and attendance (database cascades). */
    @Transactional
    public void delete(SchoolClass schoolClass) {
        classes.delete(schoolClass.id());
    }
}
