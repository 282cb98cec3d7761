import { api } from '../api.js';
import { $, h } from '../ui/dom.js';
import { load } from '../ui/feedback.js';
import { onSubmit } from '../ui/forms.js';
import { classPageUrl, classUrl } from '../ui/links.js';
import { startSignedInPage } from '../ui/page.js';
import { fillTimeZones } from '../timezones.js';

startSignedInPage();
fillTimeZones($('#class-timezone'));

function classCard(klass, today) {
  const card = h(
    'li',
    { class: 'card class-card' },
    h('h3', {}, h('a', { href: classUrl(klass.id) }, klass.name)),
    h('p', { class: 'muted' }, klass.timezone.replaceAll('_', ' ')),
    h('p', { class: today?.marked === false ? 'count not-marked' : 'count' }, todayText(today)),
    h(
      'div',
      { class: 'actions' },
      h('a', { class: 'button primary', href: classPageUrl('attendance', klass.id) }, 'Mark attendance'),
      h('a', { class: 'button secondary', href: classPageUrl('history', klass.id) }, 'History'),
    ),
  );
  return card;
}

/** "3 of 4 present today · 1 absent", or "· not marked yet" while nobody is present today. */
function todayText(today) {
  if (!today) return 'Today’s count is not available';
  const present = `${today.present} of ${today.students} present today`;
  return today.marked ? `${present} · ${today.absent} absent` : `${present} · not marked yet`;
}

function showTodaySummary(classes, today) {
  const box = $('#today-summary');
  if (!today || classes.length === 0) {
    box.hidden = true;
    return;
  }
  const names = new Map(classes.map((c) => [c.id, c.name]));
  const waiting = today.notMarked.map((id) => names.get(id)).filter(Boolean);
  const marked = classes.length - waiting.length;
  const present = today.classes.reduce((sum, c) => sum + c.present, 0);
  const absent = today.classes.reduce((sum, c) => sum + (c.absent ?? 0), 0);
  box.textContent =
    `Today: ${marked} of ${classes.length} class${classes.length === 1 ? '' : 'es'} marked, ${present} present, ${absent} absent.` +
    (waiting.length ? ` Not marked yet: ${waiting.join(', ')}.` : '');
  box.hidden = false;
}

async function showClasses() {
  const [classes, today] = await Promise.all([api('/api/classes'), api('/api/attendance/today').catch(() => null)]);
  const byClass = new Map((today?.classes ?? []).map((c) => [c.classId, c]));
  $('#classes').replaceChildren(...classes.map((klass) => classCard(klass, byClass.get(klass.id))));
  $('#classes-empty').hidden = classes.length > 0;
  showTodaySummary(classes, today);
}

load(showClasses);

onSubmit($('#class-form'), async ({ name, timezone }, form) => {
  const created = await api('/api/classes', { method: 'POST', json: { name: name.trim(), timezone } });
  form.reset();
  fillTimeZones($('#class-timezone'));
  await showClasses();
  $(`#classes a[href="${classUrl(created.id)}"]`)?.focus();
});
