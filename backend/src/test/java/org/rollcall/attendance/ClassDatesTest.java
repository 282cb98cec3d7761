package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollcall.classes.SchoolClass;
import org.rollcall.web.ApiException;

class ClassDatesTest {

    /** 23:30 on the server (UTC) is already 05:30 the next day in Dhaka (UTC+6). */
    private final ClassDates dates = new ClassDates(Clock.fixed(Instant.parse("2026-03-10T23:30:00Z"), ZoneOffset.UTC));

    private final SchoolClass dhaka =
            new SchoolClass(UUID.randomUUID(), UUID.randomUUID(), "7B", ZoneId.of("Asia/Dhaka"));
    private final SchoolClass london =
            new SchoolClass(UUID.randomUUID(), UUID.randomUUID(), "7C", ZoneId.of("Europe/London"));
    private final AttendanceProperties limits = new AttendanceProperties(10, false, 366, 30, 72);

    @Test
    void todayIsTheClassesDateNotTheServers() {
        assertThat(dates.today(dhaka)).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(dates.today(london)).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(dates.attendanceDate(dhaka, null)).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void datesBeforeTheYear2000AreRefusedInWordsAndSoAreHugeRanges() {
        for (LocalDate early : new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.MIN, LocalDate.of(1999, 12, 31)}) {
            assertThatThrownBy(() -> dates.attendanceDate(london, early))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code().code()).isEqualTo("DATE_TOO_EARLY");
                        assertThat(e.getMessage()).contains("1 January 2000").contains(early.toString());
                    });
            assertThatThrownBy(() -> dates.range(london, early, LocalDate.of(2026, 3, 1), limits))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code().code()).isEqualTo("DATE_TOO_EARLY"));
            assertThatThrownBy(() -> dates.range(london, early, early, limits))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code().code()).isEqualTo("DATE_TOO_EARLY"));
        }
        assertThat(dates.attendanceDate(london, LocalDate.of(2000, 1, 1))).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThatThrownBy(() -> dates.range(london, LocalDate.of(2000, 1, 1), LocalDate.of(2026, 3, 1), limits))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code().code()).isEqualTo("INVALID_RANGE"));
    }

    @Test
    void aDayThatHasNotComeInTheClassesTimezoneIsRefused() {
        assertThat(dates.attendanceDate(dhaka, LocalDate.of(2026, 3, 11))).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(dates.attendanceDate(london, LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> dates.attendanceDate(london, LocalDate.of(2026, 3, 11)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code().code()).isEqualTo("DATE_IN_FUTURE"));
    }

    @Test
    void historyRangeDefaultsToTheLastThirtyDaysOfTheClass() {
        DateRange range = dates.range(dhaka, null, null, limits);
        assertThat(range.to()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(range.from()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(dates.range(dhaka, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), limits))
                .isEqualTo(new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
    }

    @Test
    void backwardsOrOverlongRangesAreRefused() {
        assertThatThrownBy(() -> DateRange.of(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 1), 366))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code().code()).isEqualTo("INVALID_RANGE"));
        assertThatThrownBy(() -> DateRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2), 366))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code().code()).isEqualTo("INVALID_RANGE"));
        assertThat(DateRange.of(LocalDate.of(2025, 1, 2), LocalDate.of(2026, 1, 2), 366)
                        .from())
                .isEqualTo(LocalDate.of(2025, 1, 2));
    }
}
