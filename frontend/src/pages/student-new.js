import { api } from '../api.js';
import { $ } from '../ui/dom.js';
import { errorText, load, say } from '../ui/feedback.js';
import { onSubmit } from '../ui/forms.js';
import { classPageUrl, classUrl, studentUrl } from '../ui/links.js';
import { startClassPage } from '../ui/page.js';
import { createFaceCapture, enrolmentUrl } from '../face-capture.js';

const { classId, loadClass } = startClassPage();
const detailsForm = $('#details-form');
const photoStep = $('#photo-step');
let details = null;

$('#roster-link').href = classUrl(classId);
$('#another-link').href = classPageUrl('student-new', classId);
load(loadClass);

onSubmit(detailsForm, async ({ name, rollNo, email }) => {
  details = { name: name.trim(), rollNo: rollNo.trim(), email: email.trim() || null };
  $('#photo-for').textContent = details.name;
  detailsForm.hidden = true;
  photoStep.hidden = false;
  $('#photo-title').focus();
});

$('#back-to-details').addEventListener('click', () => {
  capture.stop();
  photoStep.hidden = true;
  detailsForm.hidden = false;
  $('#student-name').focus();
});

$('#save-without-photo').addEventListener('click', async () => {
  const button = $('#save-without-photo');
  button.disabled = true;
  try {
    const created = await api(`/api/classes/${classId}/students`, { method: 'POST', json: details });
    capture.stop();
    photoStep.hidden = true;
    $('#done-step').hidden = false;
    $('#done-text').textContent =
      `${created.name} (roll no. ${created.rollNo}) is in the class, without a photo for now.`;
    $('#done-help').textContent =
      'Mark them present by hand, or tap their face on a class photo on the marking page: Rollcall then learns it.';
    $('#more-photos-link').textContent = 'Add a photo';
    $('#more-photos-link').href = studentUrl(classId, created.id);
    $('#done-title').focus();
  } catch (error) {
    say('#save-error', errorText(error), 'error');
    $('#save-error').focus();
  } finally {
    button.disabled = false;
  }
});

const capture = createFaceCapture($('#capture'), {
  confirmLabel: 'Save student',
  onPhoto: async (photo, { differentFrom, face }) => {
    const form = new FormData();
    form.append('student', new Blob([JSON.stringify(details)], { type: 'application/json' }));
    form.append('photo', photo, 'face.jpg');
    const created = await api(enrolmentUrl(`/api/classes/${classId}/students`, { differentFrom, face }), {
      method: 'POST',
      form,
    });
    photoStep.hidden = true;
    $('#done-step').hidden = false;
    $('#done-text').textContent =
      `${created.name ?? details.name} (roll no. ${created.rollNo ?? details.rollNo}) is in the class.`;
    $('#more-photos-link').href = studentUrl(classId, created.id);
    $('#done-title').focus();
  },
});
