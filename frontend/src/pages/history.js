import { api } from '../api.js';
import { $, daysBefore, downloadRangeCsv, formatDate, h, load, onSubmit, startSignedInPage, todayIn, pathParam } from '../ui.js';
import { daysOf } from '../attendance-report.js';

startSignedInPage();
const classId = pathParam('class');
const base = `/api/classes/${classId}`;
let klass;

async function show(from, to) {
  const report = await api(`${base}/attendance?from=${from}&to=${to}`);
  const days = daysOf(report);
  const classSize = report.students.length;
  $('#summary').textContent = `${days.length} school day${days.length === 1 ? '' : 's'} with attendance between ${formatDate(report.from)} and ${formatDate(report.to)}.`;
  $('#by-student tbody').replaceChildren(...report.students.map((row) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `/student.html?class=${classId}&id=${row.student.id}` }, row.student.name)),
    h('td', {}, row.student.rollNo),
    h('td', {}, `${row.total} of ${days.length}`, row.percentage === null ? '' : ` (${row.percentage}%)`))));
  const byName = (a, b) => a.name.localeCompare(b.name);
  $('#by-date').replaceChildren(...days.map((day) => h('li', {},
    h('details', {},
      h('summary', {}, h('time', { datetime: day.date }, formatDate(day.date)), ` · ${day.students.length} of ${classSize} present`),
      h('ul', {}, [...day.students].sort(byName).map((s) => h('li', {}, `${s.name} (${s.rollNo})`)))))));
}

onSubmit($('#range-form'), ({ from, to }) => show(from, to));

downloadRangeCsv($('#download'), $('#range-form'), base, () => klass.name);

load(async () => {
  klass = await api(base);
  document.title = `History · ${klass.name} · Rollcall`;
  $('#class-name').textContent = `· ${klass.name}`;
  $('#class-link').textContent = klass.name;
  $('#class-link').href = `/class.html?id=${classId}`;
  const today = todayIn(klass.timezone);
  $('#from').value = daysBefore(today, 30);
  $('#to').value = today;
  await show($('#from').value, today);
});
