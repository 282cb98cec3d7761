import { api } from '../api.js';
import { leaveNotice } from '../session.js';
import { $, h } from '../ui/dom.js';
import { formatDate } from '../ui/dates.js';
import { confirmDialog, errorText, load, say } from '../ui/feedback.js';
import { onSubmit } from '../ui/forms.js';
import { classUrl, pathParam } from '../ui/links.js';
import { startClassPage } from '../ui/page.js';
import { createRangeForm } from '../ui/range-form.js';
import { createFaceCapture, enrolmentUrl } from '../face-capture.js';

const { classId, loadClass } = startClassPage();
const studentId = pathParam('student', 'id');
const base = `/api/classes/${classId}/students/${studentId}`;
let student;
let capture;

function showStudent(s) {
  student = s;
  document.title = `${s.name} · Rollcall`;
  $('#student-title').textContent = s.name;
  $('#student-name').value = s.name;
  $('#roll-no').value = s.rollNo;
  $('#student-email').value = s.email ?? '';
  showPhotos(s.faces ?? []);
}

function showPhotos(faces) {
  $('#photos').replaceChildren(
    ...faces.map((face, i) => {
      const thumbnail = h('img', { alt: `Face photo ${i + 1} of ${student.name}`, width: 96, height: 96 });
      // the thumbnail needs the bearer token, so it is fetched rather than linked
      api(`${base}/faces/${face.id}/thumbnail`, { accept: 'image/jpeg' })
        .then((blob) => {
          thumbnail.src = URL.createObjectURL(blob);
        })
        .catch(() => thumbnail.replaceWith(h('span', { class: 'photo-placeholder' }, `Photo ${i + 1}`)));
      return h(
        'li',
        { class: 'photo' },
        thumbnail,
        face.current ? null : h('span', { class: 'muted' }, 'Old model'),
        face.source === 'LEARNED'
          ? h('span', { class: 'muted' }, `From the class photo of ${formatDate(face.learnedDate)}`)
          : null,
        h(
          'button',
          {
            type: 'button',
            class: 'danger small',
            'aria-label': `Remove photo ${i + 1}`,
            onclick: () => removePhoto(face, i),
          },
          'Remove',
        ),
      );
    }),
  );
  if (!faces.length)
    $('#photos').append(h('li', { class: 'muted' }, 'No face photo yet: this student cannot be recognised.'));
  say(
    '#photos-status',
    student.needsReEnrolment && faces.length
      ? 'Rollcall’s face model has changed: add a new photo so this student is recognised again.'
      : '',
    'error',
  );
}

async function removePhoto(face, index) {
  const sure = await confirmDialog({
    title: `Remove photo ${index + 1}?`,
    text: 'Rollcall will no longer use it to recognise the student.',
    confirmLabel: 'Remove photo',
  });
  if (!sure) return;
  try {
    await api(`${base}/faces/${face.id}`, { method: 'DELETE' });
    showStudent(await api(base));
    say('#photos-status', 'Photo removed.', 'success');
  } catch (error) {
    say('#photos-status', errorText(error), 'error');
  }
}

$('#add-photo').addEventListener('click', () => {
  $('#add-photo').hidden = true;
  capture = createFaceCapture($('#capture'), {
    confirmLabel: 'Add this photo',
    onPhoto: async (photo, { differentFrom, face }) => {
      const form = new FormData();
      form.append('photo', photo, 'face.jpg');
      await api(enrolmentUrl(`${base}/faces`, { differentFrom, face }), { method: 'POST', form });
      capture.stop();
      $('#capture').replaceChildren();
      $('#add-photo').hidden = false;
      showStudent(await api(base));
      say('#photos-status', 'Photo added.', 'success');
    },
  });
});

onSubmit($('#details-form'), async ({ name, rollNo, email }, form) => {
  showStudent(
    await api(base, {
      method: 'PATCH',
      json: { name: name.trim(), rollNo: rollNo.trim(), email: email.trim() || null },
    }),
  );
  say(form.querySelector('[data-saved]'), 'Details saved.', 'success');
});

$('#delete-student').addEventListener('click', async () => {
  const sure = await confirmDialog({
    title: `Delete ${student.name}?`,
    text: 'Their face photos and attendance records are erased too.',
    confirmLabel: 'Delete student',
  });
  if (!sure) return;
  try {
    await api(base, { method: 'DELETE' });
    leaveNotice(`${student.name} was deleted.`);
    location.assign(classUrl(classId));
  } catch (error) {
    say($('#details-form [data-error]'), errorText(error), 'error');
  }
});

function showAttendance(report) {
  // absent school days beside the present ones, newest first: the register of one student
  const absent = (report.absent ?? []).map((date) => ({ date, absent: true }));
  const days = [...report.present, ...absent].sort((a, b) => b.date.localeCompare(a.date));
  const schoolDays = report.schoolDays ?? report.total;
  const share = report.percentage === null || report.percentage === undefined ? '' : ` (${report.percentage}%)`;
  $('#attendance-summary').textContent =
    `Present on ${report.total} day${report.total === 1 ? '' : 's'} of ${schoolDays} school day${schoolDays === 1 ? '' : 's'}${share}, absent on ${absent.length}, between ${formatDate(report.from)} and ${formatDate(report.to)}.`;
  $('#attendance-dates').replaceChildren(
    ...days.map((d) =>
      d.absent
        ? h('li', { class: 'absent-day' }, h('time', { datetime: d.date }, formatDate(d.date)), ' · absent')
        : h(
            'li',
            {},
            h('time', { datetime: d.date }, formatDate(d.date)),
            h(
              'span',
              { class: 'muted' },
              d.source === 'MANUAL' ? ' · present, marked by hand' : ' · present, from a class photo',
            ),
          ),
    ),
  );
  // An unmark deletes the day, so only this log tells a teacher (or a parent asking) what was changed by hand.
  const changes = [...(report.corrections ?? [])].reverse();
  $('#corrections-title').hidden = $('#corrections').hidden = changes.length === 0;
  $('#corrections').replaceChildren(
    ...changes.map((c) =>
      h(
        'li',
        {},
        `${c.action === 'MARK' ? 'Marked present' : 'Marked absent'} for `,
        h('time', { datetime: c.date }, formatDate(c.date)),
        h('span', { class: 'muted' }, ` · changed ${new Date(c.correctedAt).toLocaleString()}`),
      ),
    ),
  );
}

const range = createRangeForm($('#range-form'), { base, show: showAttendance, name: () => student.name });

load(async () => {
  await loadClass();
  showStudent(await api(base));
  await range.showDefault();
});
