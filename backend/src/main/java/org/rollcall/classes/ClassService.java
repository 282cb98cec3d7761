package org.rollcall.classes;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.rollcall.web.ApiException;
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

    /** The teacher's class, or 404: another teacher's class is indistinguishable from a missing one. */
    public SchoolClass get(UUID classId, UUID teacherId) {
        return classes.findOwned(classId, teacherId).orElseThrow(() ->
                new ApiException(ErrorCode.CLASS_NOT_FOUND));
    }

    @Transactional
    public SchoolClass create(UUID teacherId, String name, String timezone) {
        ZoneId zone = timezone == null || timezone.isBlank() ? clock.getZone() : Timezones.parse(timezone);
        SchoolClass created = new SchoolClass(UUID.randomUUID(), teacherId, name.strip(), zone);
        classes.insert(created);
        return created;
    }

    @Transactional
    public SchoolClass update(UUID classId, UUID teacherId, UpdateClassRequest change) {
        SchoolClass current = get(classId, teacherId);
        SchoolClass updated = new SchoolClass(current.id(), current.teacherId(),
                change.name() == null ? current.name() : change.name().strip(),
                change.timezone() == null ? current.timezone() : Timezones.parse(change.timezone()));
        classes.update(updated);
        return updated;
    }

    /** Erases the class with its students, faces and attendance (database cascades). */
    @Transactional
    public void delete(UUID classId, UUID teacherId) {
        classes.delete(get(classId, teacherId).id());
    }
}
