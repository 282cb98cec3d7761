package org.rollcall.face;

/**
 * What the matcher decided for one probe face.
 *
 * @param subject    the accepted subject, or null when the face is unknown (below threshold, margin or size)
 * @param score      the recogniser's score for the best subject, whether accepted or not (a cosine for one network,
 *                   the sum of standardised cosines for the fused pair; see {@link FaceEngine#score})
 * @param secondBest the same for the second-best subject (the score of a cosine of -1 when there is none)
 */
public record Assignment<K>(int probeIndex, K subject, float score, float secondBest) {}
