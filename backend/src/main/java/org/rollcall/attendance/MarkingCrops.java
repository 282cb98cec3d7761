package org.rollcall.attendance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rollcall.face.FaceCrop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores the lossless crops of a marking's faces after the marking has answered. A PNG of a face takes 5-15 ms to
 * encode on this machine, 30 faces would add a noticeable part to every marking; the crop is only needed when the
 * teacher has a face learned, seconds later at the earliest. A learned copy made before its crop arrived gets it too.
 * If the app stops in between, the face simply has no crop: it keeps its embedding, it just cannot be embedded again
 * after a model change.
 */
@Component
class MarkingCrops {

    private static final Logger log = LoggerFactory.getLogger(MarkingCrops.class);

    private final JdbcClient jdbc;
    private final TaskExecutor executor;

    MarkingCrops(JdbcClient jdbc, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.jdbc = jdbc;
        this.executor = executor;
    }

    record Pending(UUID markingFaceId, FaceCrop crop) {}

    void storeLater(List<Pending> crops) {
        List<Pending> present =
                new ArrayList<>(crops.stream().filter(c -> c.crop() != null).toList());
        if (present.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            try {
                present.parallelStream().forEach(this::store);
            } catch (RuntimeException e) {
                log.warn("Could not store the crops of {} marking faces", present.size(), e);
            }
        });
    }

    private void store(Pending pending) {
        byte[] png = pending.crop().png();
        jdbc.sql("UPDATE marking_face SET crop = :crop WHERE id = :id")
                .param("crop", png)
                .param("id", pending.markingFaceId())
                .update();
        jdbc.sql("UPDATE face SET crop = :crop WHERE marking_face_id = :id AND crop IS NULL")
                .param("crop", png)
                .param("id", pending.markingFaceId())
                .update();
    }
}
