package org.rollcall.face;

import java.util.List;

/** The image or the face in it cannot be used; the message is a sentence for a teacher, with the measured value. */
public class FaceRejectedException extends RuntimeException {

    private final RejectReason reason;
    private final List<Box> faces;

    public FaceRejectedException(RejectReason reason, String message) {
        this(reason, message, List.of());
    }

    /** @param faces MULTIPLE_FACES: every face's box, largest first (what {@link FaceEngine#enrol(byte[], int)} picks from) */
    public FaceRejectedException(RejectReason reason, String message, List<Box> faces) {
        super(message);
        this.reason = reason;
        this.faces = List.copyOf(faces);
    }

    public RejectReason reason() {
        return reason;
    }

    public List<Box> faces() {
        return faces;
    }
}
