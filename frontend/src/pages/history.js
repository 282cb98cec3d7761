import { $, h } from '../ui/dom.js';
import { formatDate } from '../ui/dates.js';
import { load } from '../ui/feedback.js';
import { studentUrl } from '../ui/links.js';
import { startClassPage } from '../ui/page.js';
import { createRangeForm } from '../ui/range-form.js';
import { daysOf } from '../attendance-report.js';

const { classId, base, loadClass } = startClassPage({ title: 'History' });
let klass;

/** The register: students × school days, P or A in each cell, totals per student and per day. */
function showGrid(report) {
  const dates = report.dates;
  $('#by-student thead').replaceChildren(
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Student'),
      h('th', { scope: 'col' }, 'Roll no.'),
      ...dates.map((date) =>
        h('th', { scope: 'col', class: 'day' }, h('time', { datetime: date }, formatDate(date, { year: false }))),
      ),
      h('th', { scope: 'col' }, 'Days present'),
    ),
  );
  $('#by-student tbody').replaceChildren(
    ...report.students.map((row) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, h('a', { href: studentUrl(classId, row.student.id) }, row.student.name)),
        h('td', {}, row.student.rollNo),
        ...row.present.map((here, i) =>
          h(
            'td',
            { class: here ? 'day present' : 'day absent' },
            h('abbr', { title: `${here ? 'present' : 'absent'} on ${formatDate(dates[i])}` }, here ? 'P' : 'A'),
          ),
        ),
        h('td', {}, `${row.total} of ${dates.length}`, row.percentage === null ? '' : ` (${row.percentage}%)`),
      ),
    ),
  );
  const size = report.students.length;
  $('#by-student tfoot').replaceChildren(
    h(
      'tr',
      {},
      h('th', { scope: 'row', colspan: 2 }, 'Present'),
      ...report.presentPerDate.map((n) => h('td', { class: 'day' }, `${n}/${size}`)),
      h('td', {}),
    ),
  );
}

function show(report) {
  const days = daysOf(report);
  const classSize = report.students.length;
  $('#summary').textContent =
    `${days.length} school day${days.length === 1 ? '' : 's'} with attendance between ${formatDate(report.from)} and ${formatDate(report.to)}.`;
  showGrid(report);
  const byName = (a, b) => a.name.localeCompare(b.name);
  $('#by-date').replaceChildren(
    ...days.map((day) =>
      h(
        'li',
        {},
        h(
          'details',
          {},
          h(
            'summary',
            {},
            h('time', { datetime: day.date }, formatDate(day.date)),
            ` · ${day.students.length} of ${classSize} present`,
          ),
          h(
            'ul',
            {},
            [...day.students].sort(byName).map((s) => h('li', {}, `${s.name} (${s.rollNo})`)),
          ),
        ),
      ),
    ),
  );
}

const range = createRangeForm($('#range-form'), { base, show, name: () => klass.name, excel: true, primary: true });

load(async () => {
  klass = await loadClass();
  await range.showDefault();
});
