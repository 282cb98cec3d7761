import { api } from '../api.js';
import { $, h } from '../ui/dom.js';
import { load } from '../ui/feedback.js';
import { onSubmit } from '../ui/forms.js';
import { classUrl } from '../ui/links.js';
import { startClassPage } from '../ui/page.js';
import { teacherMessage } from '../messages.js';

const { classId, loadClass } = startClassPage({ title: 'Add photos in bulk' });
const photosUrl = `/api/classes/${classId}/students/photos`;
// small requests, so the progress bar moves and one slow photo never holds a long request open
const PER_REQUEST = 4;

$('#roster-link').href = classUrl(classId);
load(loadClass);

const STATUS = {
  ENROLLED: 'Enrolled',
  ALREADY_ENROLLED: 'Already enrolled: skipped',
  NO_STUDENT: 'No student with this roll number',
  REFUSED: 'Refused',
};

function resultRow(result) {
  const refusedWhy =
    result.status === 'REFUSED'
      ? `: ${teacherMessage({ status: 422, code: result.code, detail: result.message })}`
      : '';
  const text = result.status === 'NO_STUDENT' ? result.message : `${STATUS[result.status]}${refusedWhy}`;
  return h(
    'tr',
    { dataset: { status: result.status } },
    h('td', {}, result.file),
    h('td', {}, result.studentName ? `${result.studentName} (${result.rollNo})` : result.rollNo),
    h('td', {}, text),
  );
}

function showProgress(done, total, zip) {
  const bar = $('#progress');
  if (zip) bar.removeAttribute('value');
  else bar.value = total ? done / total : 0;
  $('#progress-text').textContent = zip
    ? 'Reading the ZIP and enrolling its photos…'
    : `${done} of ${total} photos done`;
}

function summarise(results) {
  const count = (status) => results.filter((r) => r.status === status).length;
  return `${count('ENROLLED')} enrolled, ${count('REFUSED')} refused, ${count('NO_STUDENT')} without a student, ${count('ALREADY_ENROLLED')} already enrolled.`;
}

onSubmit($('#photos-form'), async () => {
  const files = [...$('#photo-files').files];
  const isZip = (f) => f.type.includes('zip') || f.name.toLowerCase().endsWith('.zip');
  const batches = files.some(isZip)
    ? [files]
    : Array.from({ length: Math.ceil(files.length / PER_REQUEST) }, (_, i) =>
        files.slice(i * PER_REQUEST, (i + 1) * PER_REQUEST),
      );
  const zip = files.some(isZip);
  const results = [];
  $('#results tbody').replaceChildren();
  $('#report').hidden = true;
  $('#progress-part').hidden = false;
  showProgress(0, files.length, zip);
  $('#progress-title').focus();
  try {
    let done = 0;
    for (const batch of batches) {
      const form = new FormData();
      batch.forEach((file) => form.append('photo', file, file.name));
      const answer = await api(photosUrl, { method: 'POST', form });
      results.push(...answer.results);
      $('#results tbody').append(...answer.results.map(resultRow));
      done += batch.length;
      showProgress(done, files.length, zip);
    }
  } finally {
    $('#progress-part').hidden = true;
    if (results.length) {
      $('#report').hidden = false;
      $('#report-summary').textContent = summarise(results);
      $('#report-title').focus();
    }
  }
});
