package org.rollcall.attendance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rollcall.face.GalleryEntry;

/**
 * The students a face resembles most, for the teacher's picker. Computed here rather than by the engine's matcher,
 * which answers only its decision: per student the best score ({@link org.rollcall.face.FaceEngine#score}, the scale
 * the matcher's thresholds are set on) of the face against that student's faces of the same model (the gallery holds
 * only those), best first.
 */
final class Candidates {

    static final int MAX = 3;

    private Candidates() {}

    record Scored(UUID studentId, float score) {}

    /** How alike a probe embedding and an enrolled one are (the engine's score). */
    @FunctionalInterface
    interface Scorer {
        float score(float[] probe, float[] enrolled);
    }

    static List<Scored> top(float[] embedding, List<GalleryEntry<UUID>> roster, int max, Scorer scorer) {
        Map<UUID, Float> best = new HashMap<>();
        for (GalleryEntry<UUID> entry : roster) {
            float[] other = entry.embedding();
            if (other.length != embedding.length) {
                continue;
            }
            best.merge(entry.subject(), scorer.score(embedding, other), Math::max);
        }
        List<Scored> scored = new ArrayList<>(best.size());
        best.forEach((id, score) -> scored.add(new Scored(id, score)));
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::studentId));
        return scored.size() > max ? List.copyOf(scored.subList(0, max)) : scored;
    }
}
