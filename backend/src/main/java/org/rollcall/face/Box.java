package org.rollcall.face;

/** A face's bounding box in pixels of the upright (EXIF-corrected) image. */
public record Box(float x, float y, float width, float height) {}
