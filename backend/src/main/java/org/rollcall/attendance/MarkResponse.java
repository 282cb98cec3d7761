package org.rollcall.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * @param marked        students written present by this request
 * @param alreadyMarked students recognised who were already present for the date
 * @param unknown       faces not recognised
 */
public record MarkResponse(LocalDate date, List<FaceResult> faces, int marked, int alreadyMarked, int unknown) {
}
