package org.rollcall.students;

import java.util.List;
import java.util.UUID;
import org.rollcall.face.FaceCrop;
import org.rollcall.face.FaceEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After the recognisers change (a new model id), re-embeds every stored face from its stored crop (or, for faces
 * stored before crops were, from the thumbnail of dlib's chip), so no teacher has to enrol the class again. Runs once
 * in the background after start-up, in id order and one face at a time: idempotent (only faces of another model id
 * are read, and the update is guarded by the old id, so two replicas never clash) and resumable (a restart carries
 * on with what is left). Until a face is re-embedded its student is not recognised by it, as before.
 */
@Component
public class FaceReembedding {

    private static final Logger log = LoggerFactory.getLogger(FaceReembedding.class);
    private static final int BATCH = 32;

    private final FaceRepository faces;
    private final FaceEngine engine;

    FaceReembedding(FaceRepository faces, FaceEngine engine) {
        this.faces = faces;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        Thread.ofPlatform().name("face-reembedding").daemon().start(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.error("Re-embedding stored faces stopped; it resumes at the next start", e);
            }
        });
    }

    /** Re-embeds what is stale now; returns how many faces it re-embedded. */
    public int run() {
        String model = engine.modelId();
        long total = faces.countStale(model);
        if (total == 0) {
            return 0;
        }
        log.info("Re-embedding {} stored faces with {}", total, model);
        int done = 0;
        int failed = 0;
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids by their bytes, unsigned: this is the least
        for (List<FaceRepository.StaleFace> batch = faces.staleFaces(model, after, BATCH);
                !batch.isEmpty();
                batch = faces.staleFaces(model, after, BATCH)) {
            for (FaceRepository.StaleFace face : batch) {
                after = face.id();
                try {
                    FaceCrop crop = FaceCrop.read(face.crop() != null ? face.crop() : face.thumbnail())
                            .widened();
                    if (faces.reembedded(face.id(), face.modelId(), model, engine.embed(crop))) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.warn(
                            "Face {} cannot be re-embedded ({}); its student needs a new photo",
                            face.id(),
                            e.getMessage());
                }
            }
            log.info("Re-embedded {} of {} stored faces", done, total);
        }
        log.info("Re-embedding done: {} faces re-embedded, {} could not be", done, failed);
        return done;
    }
}
