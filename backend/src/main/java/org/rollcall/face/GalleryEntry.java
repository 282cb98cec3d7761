package org.rollcall.face;

/** One enrolled embedding of a subject (a student may have several). */
public record GalleryEntry<K>(K subject, float[] embedding) {}
