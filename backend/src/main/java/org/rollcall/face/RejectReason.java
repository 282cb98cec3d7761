package org.rollcall.face;

/** Why the engine refused an image or a face; the names are the API's error codes. */
public enum RejectReason {
    UNSUPPORTED_IMAGE,
    IMAGE_TOO_LARGE,
    NO_FACE,
    MULTIPLE_FACES,
    /** the face asked for by its number is not in the photo */
    NO_SUCH_FACE,
    FACE_TOO_SMALL,
    NOT_FRONTAL,
    TOO_BLURRY,
    TOO_DARK
}
