package org.rollcall.face;

/**
 * What the matcher decided for one probe face.
 *
 * @param subject    the accepted subject, or null when the face is unknown (below threshold, margin or size)
 * @param score      cosine similarity to the best subject (whether accepted or not)
 * @param secondBest cosine similarity to the second-best subject (-1 when there is none)
 */
public record Assignment<K>(int probeIndex, K subject, float score, float secondBest) {
}
