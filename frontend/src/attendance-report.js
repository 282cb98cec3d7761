// Reading the class attendance matrix (GET /api/classes/{id}/attendance?from&to):
// {from, to, dates: [school days], students: [{student: {id, name, rollNo}, present: [bool per date], total, percentage}],
//  presentPerDate: [count per date]}

/** Ids of the students present on `date`. */
export function presentStudentIds(report, date) {
  const column = report.dates.indexOf(date);
  if (column < 0) return new Set();
  return new Set(report.students.filter((row) => row.present[column]).map((row) => row.student.id));
}

/** The school days, newest first, each with the students present. */
export function daysOf(report) {
  return report.dates
    .map((date, column) => ({
      date,
      students: report.students.filter((row) => row.present[column]).map((row) => row.student),
    }))
    .reverse();
}
