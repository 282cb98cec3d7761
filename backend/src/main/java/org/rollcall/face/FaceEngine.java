package org.rollcall.face;

import java.util.List;

/**
 * The face engine as the rest of Rollcall sees it. Plain Java: usable from the web app, the CLI and benchmarks.
 * Implementations are thread-safe.
 */
public interface FaceEngine {

    /** Identifies the embedding model; embeddings of different model ids are not comparable. */
    String modelId();

    /**
     * Every face in a photo (class photos: includes the small-face pass), with embeddings.
     *
     * @throws FaceRejectedException UNSUPPORTED_IMAGE or IMAGE_TOO_LARGE
     */
    List<DetectedFace> findFaces(byte[] image);

    /**
     * The one face of an enrolment photo, after the quality gate.
     *
     * @throws FaceRejectedException with the reason and the measured value in the message
     */
    Enrolment enrol(byte[] image);

    /**
     * One-to-one assignment of probe faces to subjects: accepted only above the threshold, with the margin over the
     * second-best subject, and for faces not below the minimum size. One result per probe, in probe order.
     */
    <K> List<Assignment<K>> match(List<DetectedFace> probes, List<GalleryEntry<K>> gallery);

    /**
     * The faces of new enrolment photos that belong to a subject already enrolled: the same assignment with the lower
     * {@code enrol-duplicate-threshold}, since two enrolment photos of one child often score below the threshold
     * used to mark attendance. One result per face; {@code subject} is null where there is no such match.
     */
    <K> List<Assignment<K>> findAlreadyEnrolled(List<DetectedFace> faces, List<GalleryEntry<K>> gallery);

    /**
     * The same with a gallery prepared once ({@link Gallery#of}) for repeated matching of a large roster: skips
     * regrouping and re-laying-out the embeddings on every call.
     */
    <K> List<Assignment<K>> match(List<DetectedFace> probes, Gallery<K> gallery);
}
