package org.rollcall.students;

import org.rollcall.face.FaceEngineSettings;
import org.rollcall.web.LimitsPart;
import org.springframework.stereotype.Component;

/**
 * What one enrolment request may carry, as {@code enrolment} in GET /api/limits and {@code upload} in
 * GET /api/face/rules. The photo size is the face engine's ({@code rollcall.face.max-image-bytes}, which the
 * multipart limit {@code spring.servlet.multipart.max-file-size} also reads).
 */
@Component
class EnrolmentLimits implements LimitsPart {

    /** @param maxPhotoBytes larger photos are refused (IMAGE_TOO_LARGE); @param maxPhotos photos per request */
    record Upload(long maxPhotoBytes, int maxPhotos) {}

    private final Upload upload;

    EnrolmentLimits(FaceEngineSettings settings, StudentProperties students) {
        this.upload = new Upload(settings.limits().maxImageBytes(), students.maxPhotos());
    }

    @Override
    public String name() {
        return "enrolment";
    }

    @Override
    public Upload limits() {
        return upload;
    }
}
