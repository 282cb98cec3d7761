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
 * which answers only its decision: per student the best dot product of the face with that student's faces of the
 * same model (the gallery holds only those), best first.
 */
final class Candidates {

    static final int MAX = 3;

    private Candidates() {
    }

    record Scored(UUID studentId, float score) {
    }

    static List<Scored> top(float[] embedding, List<GalleryEntry<UUID>> roster, int max) {
        Map<UUID, Float> best = new HashMap<>();
        for (GalleryEntry<UUID> entry : roster) {
            float[] other = entry.embedding();
            if (other.length != embedding.length) {
                continue;
            }
            float sum = 0;
            for (int i = 0; i < other.length; i++) {
                sum += other[i] * embedding[i];
            }
            best.merge(entry.subject(), sum, Math::max);
        }
        List<Scored> scored = new ArrayList<>(best.size());
        best.forEach((id, score) -> scored.add(new Scored(id, score)));
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::studentId));
        return scored.size() > max ? List.copyOf(scored.subList(0, max)) : scored;
    }
}
