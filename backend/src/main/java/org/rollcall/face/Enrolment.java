package org.rollcall.face;

/** The single good face of an enrolment photo. */
public record Enrolment(DetectedFace face) {

    /** A small JPEG of the aligned face, for showing the teacher. */
    public byte[] thumbnailJpeg() {
        return face.crop().thumbnailJpeg();
    }
}
