import { api } from '../api.js';
import { $, h, load, onSubmit, startSignedInPage, todayIn } from '../ui.js';
import { fillTimeZones } from '../timezones.js';
import { presentStudentIds } from '../attendance-report.js';

startSignedInPage();
fillTimeZones($('#class-timezone'));

function classCard(klass) {
  const count = h('span', { class: 'count' }, '…');
  const card = h('li', { class: 'card class-card' },
    h('h3', {}, h('a', { href: `/class.html?id=${klass.id}` }, klass.name)),
    h('p', { class: 'muted' }, klass.timezone.replaceAll('_', ' ')),
    h('p', {}, count),
    h('div', { class: 'actions' },
      h('a', { class: 'button primary', href: `/attendance.html?class=${klass.id}` }, 'Mark attendance'),
      h('a', { class: 'button secondary', href: `/history.html?class=${klass.id}` }, 'History')));
  showTodayCount(klass, count);
  return card;
}

async function showTodayCount(klass, target) {
  const today = todayIn(klass.timezone);
  try {
    const [report, students] = await Promise.all([
      api(`/api/classes/${klass.id}/attendance?from=${today}&to=${today}`),
      api(`/api/classes/${klass.id}/students`),
    ]);
    const present = presentStudentIds(report, today).size;
    target.textContent = `${present} of ${students.length} present today`;
  } catch {
    target.textContent = 'Today’s count is not available';
  }
}

async function showClasses() {
  const classes = await api('/api/classes');
  $('#classes').replaceChildren(...classes.map(classCard));
  $('#classes-empty').hidden = classes.length > 0;
}

load(showClasses);

onSubmit($('#class-form'), async ({ name, timezone }, form) => {
  const created = await api('/api/classes', { method: 'POST', json: { name: name.trim(), timezone } });
  form.reset();
  fillTimeZones($('#class-timezone'));
  await showClasses();
  $(`#classes a[href="/class.html?id=${created.id}"]`)?.focus();
});
