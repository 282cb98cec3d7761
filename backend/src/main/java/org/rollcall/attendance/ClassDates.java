package org.rollcall.attendance;

import java.time.Clock;
import java.time.LocalDate;
import org.rollcall.classes.SchoolClass;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Calendar dates as the class lives them: "today" is today in the class's timezone, not the server's (a class in
 * Dhaka at 05:30 local time is on a different date than a server in London).
 */
@Component
class ClassDates {

    /*
     * No class kept attendance with this app before it existed; a floor keeps typos such as year 0001 (and dates
     * PostgreSQL can only store as -infinity) out of the records.
     */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Clock clock;

    ClassDates(Clock clock) {
        this.clock = clock;
    }

    LocalDate today(SchoolClass schoolClass) {
        return LocalDate.now(clock.withZone(schoolClass.timezone()));
    }

    /** The requested date, today when absent; attendance cannot be taken for a day that has not come yet. */
    LocalDate attendanceDate(SchoolClass schoolClass, LocalDate requested) {
        LocalDate today = today(schoolClass);
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw new ApiException(
                    ErrorCode.DATE_IN_FUTURE,
                    requested + " has not come yet in the class's timezone ("
                            + schoolClass.timezone().getId() + ", where it is " + today + ").");
        }
        if (requested.isBefore(EARLIEST)) {
            throw new ApiException(
                    ErrorCode.DATE_TOO_EARLY,
                    "Attendance can be recorded from 1 January 2000 on; " + requested + " is earlier. Check the year.");
        }
        return requested;
    }

    DateRange range(SchoolClass schoolClass, LocalDate from, LocalDate to, AttendanceProperties limits) {
        LocalDate end = to == null ? today(schoolClass) : to;
        LocalDate start = from == null ? end.minusDays(limits.defaultRangeDays() - 1L) : from;
        if (from != null && from.isBefore(EARLIEST) || to != null && to.isBefore(EARLIEST)) {
            throw new ApiException(
                    ErrorCode.DATE_TOO_EARLY,
                    "Attendance history starts on 1 January 2000; "
                            + (from != null && from.isBefore(EARLIEST) ? from : to) + " is earlier. Check the year.");
        }
        return DateRange.of(start, end, limits.maxRangeDays());
    }
}
