package org.rollcall.attendance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;

/** An inclusive range of dates for history queries. */
record DateRange(LocalDate from, LocalDate to) {

    static DateRange of(LocalDate from, LocalDate to, int maxDays) {
        if (from.isAfter(to)) {
            throw new ApiException(ErrorCode.INVALID_RANGE, "`from` (" + from + ") is after `to` (" + to + ").");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > maxDays) {
            throw new ApiException(
                    ErrorCode.INVALID_RANGE,
                    "The range covers " + days + " days; at most " + maxDays + " can be asked for at once.");
        }
        return new DateRange(from, to);
    }
}
