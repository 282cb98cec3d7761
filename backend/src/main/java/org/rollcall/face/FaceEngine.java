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
     * The matcher's score of a probe embedding against an enrolled one (the scale thresholds are set on: a cosine for
     * one network, the sum of standardised cosines for the fused pair); higher is more alike.
     */
    float score(float[] probe, float[] enrolled);

    /**
     * The embedding of a stored face crop with this engine's networks ({@link DetectedFace#crop()}): re-embeds faces
     * made by another model id without the photo.
     */
    float[] embed(FaceCrop crop);

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
     * The given face of an enrolment photo that shows several (their order is that of the boxes of a MULTIPLE_FACES
     * refusal: largest first), after the rest of the quality gate.
     *
     * @throws FaceRejectedException NO_SUCH_FACE when the photo has no face with that number, or as {@link #enrol(byte[])}
     */
    Enrolment enrol(byte[] image, int face);

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
