package org.rollcall.face;

/** The single good face of an enrolment photo, with a small JPEG thumbnail of the aligned chip. */
public record Enrolment(DetectedFace face, byte[] thumbnailJpeg) {
}
