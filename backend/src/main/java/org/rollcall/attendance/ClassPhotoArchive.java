package org.rollcall.attendance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps class photos only when rollcall.attendance.store-class-photos is on; by default they are never written. */
@Component
class ClassPhotoArchive {

    private final JdbcClient jdbc;
    private final AttendanceProperties properties;

    ClassPhotoArchive(JdbcClient jdbc, AttendanceProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    void keep(UUID classId, LocalDate date, List<byte[]> photos, Instant now) {
        if (!properties.storeClassPhotos()) {
            return;
        }
        for (byte[] photo : photos) {
            jdbc.sql("INSERT INTO class_photo (id, class_id, date, content, uploaded_at)"
                            + " VALUES (:id, :class, :date, :content, :at)")
                    .param("id", UUID.randomUUID())
                    .param("class", classId)
                    .param("date", date)
                    .param("content", photo)
                    .param("at", Timestamp.from(now))
                    .update();
        }
    }
}
