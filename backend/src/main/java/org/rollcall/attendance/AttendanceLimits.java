package org.rollcall.attendance;

import org.rollcall.web.LimitsPart;
import org.springframework.stereotype.Component;

/** {@code attendance} in GET /api/limits: what the marking page and the history range may ask for. */
@Component
class AttendanceLimits implements LimitsPart {

    /**
     * @param maxPhotos        class photos in one marking request
     * @param maxRangeDays     longest history range one request may ask for
     * @param defaultRangeDays history range when the request names none
     */
    record Limits(int maxPhotos, int maxRangeDays, int defaultRangeDays) {}

    private final Limits limits;

    AttendanceLimits(AttendanceProperties properties) {
        this.limits = new Limits(properties.maxPhotos(), properties.maxRangeDays(), properties.defaultRangeDays());
    }

    @Override
    public String name() {
        return "attendance";
    }

    @Override
    public Limits limits() {
        return limits;
    }
}
