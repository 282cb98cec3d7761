import { api } from '../api.js';
import {
  $,
  daysBefore,
  downloadRangeCsv,
  errorText,
  formatDate,
  h,
  load,
  onSubmit,
  pathParam,
  say,
  startSignedInPage,
  todayIn,
} from '../ui.js';
import { daysOf } from '../attendance-report.js';

startSignedInPage();
const classId = pathParam('class');
const base = `/api/classes/${classId}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let klass;

const shortDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
};

/** The register: students × school days, P or A in each cell, totals per student and per day. */
function showGrid(report) {
  const dates = report.dates;
  $('#by-student thead').replaceChildren(
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Student'),
      h('th', { scope: 'col' }, 'Roll no.'),
      ...dates.map((date) => h('th', { scope: 'col', class: 'day' }, h('time', { datetime: date }, shortDate(date)))),
      h('th', { scope: 'col' }, 'Days present'),
    ),
  );
  $('#by-student tbody').replaceChildren(
    ...report.students.map((row) =>
      h(
        'tr',
        {},
        h(
          'th',
          { scope: 'row' },
          h('a', { href: `/student.html?class=${classId}&id=${row.student.id}` }, row.student.name),
        ),
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

async function show(from, to) {
  const report = await api(`${base}/attendance?from=${from}&to=${to}`);
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

onSubmit($('#range-form'), ({ from, to }) => show(from, to));

downloadRangeCsv($('#download'), $('#range-form'), base, () => klass.name);

$('#download-xlsx').addEventListener('click', async () => {
  const form = $('#range-form');
  if (!form.reportValidity()) return;
  const { from, to } = Object.fromEntries(new FormData(form));
  const errorBox = form.querySelector('[data-error]');
  say(errorBox, '');
  try {
    const sheet = await api(`${base}/attendance?from=${from}&to=${to}`, { accept: XLSX });
    const link = h('a', {
      href: URL.createObjectURL(sheet),
      download: `attendance-${klass.name}-${from}-to-${to}.xlsx`.replace(/[^\w.-]+/g, '_'),
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (error) {
    say(errorBox, errorText(error), 'error');
  }
});

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
