package org.rollcall.face;

/** A landmark in pixels of the upright (EXIF-corrected) image. */
public record Point(float x, float y) {}
