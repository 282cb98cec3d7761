package org.rollcall.face;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enrolled embeddings laid out for matching: one row per embedding in native memory (handed to ONNX Runtime
 * without copying), the same number of rows for every subject, so that the best score per subject is a
 * reshape and a max. Subjects with fewer photos repeat their first embedding (a repeat cannot change a maximum).
 * Immutable and thread-safe; build it once per roster and reuse it when the same gallery is matched many times
 * ({@link FaceEngine#match(List, Gallery)}).
 */
public final class Gallery<K> {

    private final List<K> subjects;
    private final FloatBuffer matrix;
    private final int dim;
    private final int perSubject;

    private Gallery(List<K> subjects, FloatBuffer matrix, int dim, int perSubject) {
        this.subjects = subjects;
        this.matrix = matrix;
        this.dim = dim;
        this.perSubject = perSubject;
    }

    /**
     * A gallery in native memory, for reuse across many matches.
     *
     * @throws IllegalArgumentException if the embeddings do not all have the same length
     */
    public static <K> Gallery<K> of(List<GalleryEntry<K>> entries) {
        return of(entries, true);
    }

    /** A gallery for a single match: heap memory, so nothing native waits for the garbage collector. */
    static <K> Gallery<K> once(List<GalleryEntry<K>> entries) {
        return of(entries, false);
    }

    private static <K> Gallery<K> of(List<GalleryEntry<K>> entries, boolean nativeMemory) {
        Map<K, List<float[]>> bySubject = new LinkedHashMap<>();
        int dim = entries.isEmpty() ? 0 : entries.get(0).embedding().length;
        for (GalleryEntry<K> e : entries) {
            if (e.embedding().length != dim) {
                throw new IllegalArgumentException("Gallery embeddings of lengths " + dim + " and "
                        + e.embedding().length + " cannot be compared");
            }
            bySubject.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e.embedding());
        }
        int perSubject = bySubject.values().stream().mapToInt(List::size).max().orElse(0);
        int columns = bySubject.size() * perSubject;
        int floats = dim * columns;
        FloatBuffer matrix = nativeMemory
                ? ByteBuffer.allocateDirect(floats * Float.BYTES)
                        .order(ByteOrder.nativeOrder())
                        .asFloatBuffer()
                : FloatBuffer.allocate(floats);
        for (List<float[]> embeddings : bySubject.values()) {
            for (int k = 0; k < perSubject; k++) {
                matrix.put(embeddings.get(k < embeddings.size() ? k : 0));
            }
        }
        matrix.flip();
        return new Gallery<>(List.copyOf(bySubject.keySet()), matrix, dim, perSubject);
    }

    public List<K> subjects() {
        return subjects;
    }

    int dim() {
        return dim;
    }

    /** Rows per subject (the most photos any subject has). */
    int perSubject() {
        return perSubject;
    }

    /** (subjects x perSubject) rows of dim floats; a view, so concurrent matches do not share a position. */
    FloatBuffer matrix() {
        return matrix.duplicate();
    }
}
