package org.rollcall.attendance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPhotos         class photos accepted in one marking request (a large hall may need several)
 * @param storeClassPhotos  keep the uploaded class photos in the database; off: they live only in memory while the
 *                          request is processed
 * @param maxRangeDays      longest history range one request may ask for
 * @param defaultRangeDays  history range when the client gives no `from`
 * @param reviewHours       how long the faces of a marking are kept for the teacher to correct; then they are deleted
 */
@ConfigurationProperties("rollcall.attendance")
record AttendanceProperties(
        @DefaultValue("10") int maxPhotos,
        @DefaultValue("false") boolean storeClassPhotos,
        @DefaultValue("366") int maxRangeDays,
        @DefaultValue("30") int defaultRangeDays,
        @DefaultValue("72") int reviewHours) {}
