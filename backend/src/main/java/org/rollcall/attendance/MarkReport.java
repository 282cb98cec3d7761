package org.rollcall.attendance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.rollcall.face.Assignment;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.FaceCrop;
import org.rollcall.face.GalleryEntry;

/** Turns the engine's matches of one marking request into the faces kept for review. */
final class MarkReport {

    private MarkReport() {}

    /**
     * The best score per recognised student over all photos: a student seen in two overlapping photos of a hall is
     * one presence.
     */
    static Map<UUID, Float> recognised(List<PhotoMatches> photos) {
        Map<UUID, Float> best = new LinkedHashMap<>();
        for (PhotoMatches photo : photos) {
            for (Assignment<UUID> assignment : photo.assignments()) {
                if (assignment.subject() != null) {
                    best.merge(assignment.subject(), assignment.score(), Math::max);
                }
            }
        }
        return best;
    }

    /** The crops of the faces, paired with the stored faces (same order as {@link #faces}). */
    static List<MarkingCrops.Pending> crops(List<PhotoMatches> photos, List<MarkingFace> stored) {
        List<MarkingCrops.Pending> crops = new ArrayList<>(stored.size());
        int position = 0;
        for (PhotoMatches photo : photos) {
            for (DetectedFace face : photo.faces()) {
                crops.add(new MarkingCrops.Pending(stored.get(position++).id(), face.crop()));
            }
        }
        return crops;
    }

    /**
     * The faces of all photos in upload order, each with its candidates; recognised faces start as ALREADY_MARKED
     * (the caller turns those it wrote into MARKED) or KEPT_ABSENT. The thumbnails are encoded in parallel.
     *
     * @param keptAbsent recognised students who must not be written (unmarked by hand that day)
     * @param worthALook unknown faces close to a student (see AttendanceMarker)
     * @param scorer     the engine's score, for the candidates
     */
    static List<MarkingFace> faces(
            List<PhotoMatches> photos,
            List<GalleryEntry<UUID>> roster,
            String modelId,
            Set<UUID> keptAbsent,
            Set<DetectedFace> worthALook,
            Candidates.Scorer scorer) {
        record Found(int photo, DetectedFace face, Assignment<UUID> assignment) {}
        List<Found> all = new ArrayList<>();
        for (int p = 0; p < photos.size(); p++) {
            PhotoMatches photo = photos.get(p);
            for (int i = 0; i < photo.faces().size(); i++) {
                all.add(new Found(p, photo.faces().get(i), photo.assignments().get(i)));
            }
        }
        return IntStream.range(0, all.size())
                .parallel()
                .mapToObj(position -> {
                    Found found = all.get(position);
                    DetectedFace face = found.face();
                    UUID student = found.assignment().subject();
                    FaceStatus decided = student == null
                            ? FaceStatus.UNKNOWN
                            : keptAbsent.contains(student) ? FaceStatus.KEPT_ABSENT : FaceStatus.ALREADY_MARKED;
                    List<Candidates.Scored> top = Candidates.top(face.embedding(), roster, Candidates.MAX, scorer);
                    FaceCrop crop = face.crop();
                    // the lossless crop is encoded after the answer (see MarkingCrops): only the small JPEG is made
                    // here
                    return new MarkingFace(
                            UUID.randomUUID(),
                            position,
                            found.photo(),
                            face.box(),
                            modelId,
                            face.embedding(),
                            face.quality(),
                            crop == null ? null : crop.thumbnailJpeg(),
                            null,
                            decided,
                            null,
                            student,
                            found.assignment().score(),
                            top.stream().map(Candidates.Scored::studentId).toList(),
                            top.stream().map(Candidates.Scored::score).toList(),
                            student == null && worthALook.contains(face),
                            false);
                })
                .toList();
    }
}
