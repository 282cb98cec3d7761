package org.rollcall.classes;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;

/** Turns a client's timezone text into a ZoneId, or a 400 the teacher can act on. */
final class Timezones {

    private Timezones() {}

    static ZoneId parse(String timezone) {
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new ApiException(
                    ErrorCode.INVALID_TIMEZONE,
                    "'" + timezone + "' is not a timezone; use a region id such as Europe/Paris or Asia/Dhaka");
        }
    }
}
