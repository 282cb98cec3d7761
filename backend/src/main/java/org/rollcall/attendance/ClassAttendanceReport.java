package org.rollcall.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rollcall.students.StudentRef;

/**
 * The class's attendance matrix: one row per student, one column per school day in the range. A school day is a
 * date on which attendance was taken for anyone in the class; weekends and holidays, with no records, are not
 * counted as absences.
 *
 * @param dates          the school days, ascending
 * @param presentPerDate how many students were present on each of those days
 */
public record ClassAttendanceReport(
        LocalDate from, LocalDate to, List<LocalDate> dates, List<Row> students, List<Integer> presentPerDate) {

    /**
     * @param present    one entry per school day, in the order of {@code dates}
     * @param total      days present
     * @param percentage days present out of school days, one decimal; null when no school day is in the range
     */
    public record Row(StudentRef student, List<Boolean> present, int total, BigDecimal percentage) {}

    static ClassAttendanceReport of(DateRange range, List<StudentRef> roster, List<AttendanceRecord> records) {
        List<LocalDate> days = List.copyOf(
                records.stream().map(AttendanceRecord::date).collect(Collectors.toCollection(TreeSet::new)));
        Map<UUID, Set<LocalDate>> presence = records.stream()
                .collect(Collectors.groupingBy(
                        AttendanceRecord::studentId, Collectors.mapping(AttendanceRecord::date, Collectors.toSet())));
        int[] perDay = new int[days.size()];
        List<Row> rows = new ArrayList<>(roster.size());
        for (StudentRef student : roster) {
            Set<LocalDate> present = presence.getOrDefault(student.id(), Set.of());
            List<Boolean> cells = new ArrayList<>(days.size());
            for (int d = 0; d < days.size(); d++) {
                boolean here = present.contains(days.get(d));
                cells.add(here);
                if (here) {
                    perDay[d]++;
                }
            }
            int total = (int) cells.stream().filter(Boolean::booleanValue).count();
            rows.add(new Row(student, cells, total, percentage(total, days.size())));
        }
        List<Integer> presentPerDate = Arrays.stream(perDay).boxed().toList();
        return new ClassAttendanceReport(range.from(), range.to(), days, rows, presentPerDate);
    }

    static BigDecimal percentage(int present, int days) {
        if (days == 0) {
            return null;
        }
        return BigDecimal.valueOf(present * 100L).divide(BigDecimal.valueOf(days), 1, RoundingMode.HALF_UP);
    }
}
