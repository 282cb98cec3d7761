import { api } from '../api.js';
import { $, errorText, load, onSubmit, pathParam, say, startSignedInPage } from '../ui.js';
import { createFaceCapture, enrolmentUrl } from '../face-capture.js';

startSignedInPage();
const classId = pathParam('class');
const detailsForm = $('#details-form');
const photoStep = $('#photo-step');
let details = null;

$('#class-link').href = `/class.html?id=${classId}`;
$('#roster-link').href = `/class.html?id=${classId}`;
$('#another-link').href = `/student-new.html?class=${classId}`;
load(async () => {
  const klass = await api(`/api/classes/${classId}`);
  $('#class-link').textContent = klass.name;
});

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
    $('#more-photos-link').href = `/student.html?class=${classId}&id=${created.id}`;
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
    $('#more-photos-link').href = `/student.html?class=${classId}&id=${created.id}`;
    $('#done-title').focus();
  },
});
