import { api } from '../api.js';
import { leaveNotice } from '../session.js';
import { $, h } from '../ui/dom.js';
import { confirmDialog, errorText, load, say } from '../ui/feedback.js';
import { onSubmit } from '../ui/forms.js';
import { classPageUrl, pathParam, studentUrl } from '../ui/links.js';
import { startSignedInPage } from '../ui/page.js';
import { fillTimeZones } from '../timezones.js';

startSignedInPage();
const classId = pathParam('class', 'id');
const base = `/api/classes/${classId}`;
let searchRun = 0;

function photoCount(student) {
  if (student.needsReEnrolment) return student.faces.length ? 'needs a new photo' : 'no photo';
  return student.faces.length === 1 ? '1 photo' : `${student.faces.length} photos`;
}

function studentCard(student) {
  const link = studentUrl(classId, student.id);
  return h(
    'li',
    { class: 'card student-card' },
    h(
      'div',
      {},
      h('h3', {}, h('a', { href: link }, student.name)),
      h(
        'p',
        { class: 'muted' },
        `Roll no. ${student.rollNo}`,
        student.email ? ` · ${student.email}` : '',
        ` · ${photoCount(student)}`,
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('a', { class: 'button secondary', href: link, 'aria-label': `Edit ${student.name}` }, 'Edit'),
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'aria-label': `Delete ${student.name}`,
          onclick: () => deleteStudent(student),
        },
        'Delete',
      ),
    ),
  );
}

async function deleteStudent(student) {
  const sure = await confirmDialog({
    title: `Delete ${student.name}?`,
    text: 'Their face photos and attendance records are erased too.',
    confirmLabel: 'Delete student',
  });
  if (!sure) return;
  try {
    await api(`${base}/students/${student.id}`, { method: 'DELETE' });
    await showRoster(`${student.name} was deleted.`);
    $('#search').focus();
  } catch (error) {
    say('#roster-status', errorText(error), 'error');
  }
}

/** `note` (e.g. what was just done) is announced before the count. */
async function showRoster(note) {
  const run = ++searchRun;
  const q = $('#search').value.trim();
  const students = await api(`${base}/students${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  if (run !== searchRun) return; // a newer search has started
  $('#roster').replaceChildren(...students.map(studentCard));
  const none = q ? `No student matches “${q}”.` : 'No students yet. Add the first one.';
  const count = students.length ? `${students.length} student${students.length === 1 ? '' : 's'}` : none;
  say('#roster-status', note ? `${note} ${count}` : count);
}

/** The class's name and time zone wherever the page shows them (the tab title too), on load and after a change. */
function showClass(klass) {
  document.title = `${klass.name} · Rollcall`;
  $('#class-name').textContent = klass.name;
  $('#class-meta').textContent = `Time zone: ${klass.timezone.replaceAll('_', ' ')}`;
}

load(async () => {
  const klass = await api(base);
  showClass(klass);
  $('#mark-link').href = classPageUrl('attendance', classId);
  $('#add-link').href = classPageUrl('student-new', classId);
  $('#history-link').href = classPageUrl('history', classId);
  $('#import-link').href = classPageUrl('roster-import', classId);
  $('#photos-link').href = classPageUrl('roster-photos', classId);
  $('#edit-name').value = klass.name;
  fillTimeZones($('#edit-timezone'), klass.timezone);
  await showRoster();
});

let typingTimer;
$('#search').addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => showRoster().catch((e) => say('#roster-status', errorText(e), 'error')), 250);
});

onSubmit($('#class-form'), async ({ name, timezone }, form) => {
  const klass = await api(base, { method: 'PATCH', json: { name: name.trim(), timezone } });
  showClass(klass);
  say(form.querySelector('[data-saved]'), 'Class saved.', 'success');
});

$('#delete-class').addEventListener('click', async () => {
  const name = $('#class-name').textContent;
  const sure = await confirmDialog({
    title: `Delete ${name}?`,
    text: 'All its students, their face photos and the attendance records are erased.',
    confirmLabel: 'Delete class',
  });
  if (!sure) return;
  try {
    await api(base, { method: 'DELETE' });
    leaveNotice(`${name} was deleted.`);
    location.assign('/');
  } catch (error) {
    say($('#class-form [data-error]'), errorText(error), 'error');
  }
});
