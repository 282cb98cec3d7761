package org.rollcall.face;

/** Which network(s) embed a face; {@code rollcall.face.recogniser}. */
public enum Recogniser {
    /** dlib's ResNet (CC0 weights): the only choice whose weights carry no research-only caveat. */
    DLIB,
    /** MobileFaceNet (ArcFace loss; its training data is for non-commercial research only). */
    MOBILEFACENET,
    /** Both, their standardised cosines added with weights: the most accurate (the default). */
    FUSED;

    public boolean usesDlib() {
        return this != MOBILEFACENET;
    }

    public boolean usesMobileFaceNet() {
        return this != DLIB;
    }

    /** The setting's spelling: dlib, mobilefacenet, fused. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Recogniser of(String key) {
        for (Recogniser r : values()) {
            if (r.key().equals(key.strip().toLowerCase(java.util.Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("rollcall.face.recogniser must be dlib, mobilefacenet or fused, not " + key);
    }
}
