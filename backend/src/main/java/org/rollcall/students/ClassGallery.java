package org.rollcall.students;

import java.util.List;
import java.util.UUID;
import org.rollcall.face.FaceEngine;
import org.rollcall.face.GalleryEntry;
import org.springframework.stereotype.Component;

/**
 * The enrolled faces of a class that the engine can compare with: only embeddings of the engine's own model. A face
 * of another model is not silently compared (the vectors mean nothing to each other); its student is reported as
 * needing re-enrolment instead.
 */
@Component
public class ClassGallery {

    private final FaceRepository faces;
    private final FaceEngine engine;

    ClassGallery(FaceRepository faces, FaceEngine engine) {
        this.faces = faces;
        this.engine = engine;
    }

    public List<GalleryEntry<UUID>> of(UUID classId) {
        return faces.gallery(classId, engine.modelId());
    }
}
