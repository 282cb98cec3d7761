package org.rollcall.attendance;

import java.util.List;
import java.util.UUID;
import org.rollcall.face.Assignment;
import org.rollcall.face.DetectedFace;

/** The faces of one class photo and what the matcher decided for each (same order). */
record PhotoMatches(List<DetectedFace> faces, List<Assignment<UUID>> assignments) {

    PhotoMatches {
        if (faces.size() != assignments.size()) {
            throw new IllegalArgumentException(faces.size() + " faces but " + assignments.size() + " assignments");
        }
    }
}
