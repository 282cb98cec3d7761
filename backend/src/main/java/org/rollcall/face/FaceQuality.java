package org.rollcall.face;

/**
 * Measurements the enrolment gate and the matcher judge a face by.
 *
 * @param interOcularPx distance between the eye centres in image pixels
 * @param yawDeg        head turn left/right estimated from the landmarks, 0 = frontal
 * @param pitchDeg      head tilt up/down estimated from the landmarks, 0 = level
 * @param rollDeg       in-plane rotation of the eye line, 0 = upright
 * @param sharpness     variance of the Laplacian on the aligned chip (higher = sharper)
 * @param brightness    mean luma of the aligned chip, 0..255
 */
public record FaceQuality(
        float interOcularPx, float yawDeg, float pitchDeg, float rollDeg, float sharpness, float brightness) {}
