package org.rollcall.face;

/** Why the engine refused an image or a face; the names are the API's error codes. */
public enum RejectReason {
    UNSUPPORTED_IMAGE,
    IMAGE_TOO_LARGE,
    NO_FACE,
    MULTIPLE_FACES,
    FACE_TOO_SMALL,
    NOT_FRONTAL,
    TOO_BLURRY,
    TOO_DARK
}
