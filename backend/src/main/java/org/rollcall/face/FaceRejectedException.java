package org.rollcall.face;

/** The image or the face in it cannot be used; the message is a sentence for a teacher, with the measured value. */
public class FaceRejectedException extends RuntimeException {

    private final RejectReason reason;

    public FaceRejectedException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
