package org.rollcall.attendance;

import java.util.List;
import java.util.UUID;
import org.rollcall.face.Box;
import org.rollcall.face.FaceQuality;

/**
 * A face of a marking as stored. The heavy parts (embedding, crop, thumbnail) are only read when the face is
 * learned; elsewhere they are null.
 *
 * @param studentId     who the face is given to now (null: nobody)
 * @param needsReview   unknown, but close to its first candidate by the engine's enrolment-duplicate rule
 * @param wrotePresence the student's presence row for the date was written from this face
 */
record MarkingFace(
        UUID id,
        int position,
        int photo,
        Box box,
        String modelId,
        float[] embedding,
        FaceQuality quality,
        byte[] thumbnail,
        byte[] crop,
        FaceStatus decided,
        FaceCorrection correction,
        UUID studentId,
        float score,
        List<UUID> candidateIds,
        List<Float> candidateScores,
        boolean needsReview,
        boolean wrotePresence) {}
