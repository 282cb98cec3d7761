package org.rollcall.attendance;

import org.rollcall.web.CurrentTeacher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Today across all of the teacher's classes, for the dashboard: present and absent per class, classes not marked. */
@RestController
class TodayController {

    private final TodayAcrossClasses today;

    TodayController(TodayAcrossClasses today) {
        this.today = today;
    }

    @GetMapping("/api/attendance/today")
    TodayAcrossClasses.Today today(CurrentTeacher teacher) {
        return today.of(teacher.id());
    }
}
