import { api } from '../api.js';
import { $, h } from '../ui/dom.js';
import { formatDate, todayIn } from '../ui/dates.js';
import { errorText, load, say } from '../ui/feedback.js';
import { onSubmit } from '../ui/forms.js';
import { startClassPage } from '../ui/page.js';
import { serverLimits } from '../limits.js';
import { canvasToJpeg, loadUpright } from '../images.js';
import { presentStudentIds } from '../attendance-report.js';
import { forgetPhotos, keepPhotos, keptPhotos } from '../pending-photos.js';
import { faceGroups, faceLine, summaryText } from '../marking-view.js';

const { classId, base, loadClass } = startClassPage({ title: 'Mark attendance' });
/** Long side of an uploaded class photo: phone photos shrink, yet a face 1/40 of the width keeps ~60 px. */
const MAX_PHOTO_SIDE = 2560;
const SVG = 'http://www.w3.org/2000/svg';

let roster = [];
let present = new Set();
let cameraStream = null;
/** The day's markings as the server has them now, oldest first. */
let markings = [];
/** Photos of markings made on this page visit, by marking id: the boxes are drawn over them. */
const canvasesOf = new Map();
const thumbnails = new Map();

const dateInput = $('#date');

async function refreshLists() {
  const date = dateInput.value;
  const [students, report] = await Promise.all([
    api(`${base}/students`),
    api(`${base}/attendance?from=${date}&to=${date}`),
  ]);
  roster = students;
  present = presentStudentIds(report, date);
  drawLists();
}

function personRow(student, isPresent) {
  const label = isPresent ? 'Mark absent' : 'Mark present';
  return h(
    'li',
    { class: 'person' },
    h('span', {}, h('strong', {}, student.name), h('span', { class: 'muted' }, ` · ${student.rollNo}`)),
    h(
      'button',
      {
        type: 'button',
        class: isPresent ? 'secondary small' : 'primary small',
        'aria-label': `${label}: ${student.name}`,
        onclick: () => toggle(student, isPresent),
      },
      label,
    ),
  );
}

function drawLists() {
  $('#lists-date').textContent = formatDate(dateInput.value);
  const here = roster.filter((s) => present.has(s.id));
  const away = roster.filter((s) => !present.has(s.id));
  const nobody = (text) => h('li', { class: 'person muted' }, text);
  $('#present').replaceChildren(...(here.length ? here.map((s) => personRow(s, true)) : [nobody('Nobody yet')]));
  $('#absent').replaceChildren(
    ...(away.length
      ? away.map((s) => personRow(s, false))
      : [nobody(roster.length ? 'Everyone is here' : 'No students in this class yet')]),
  );
  $('#present-count').textContent = here.length;
  $('#absent-count').textContent = away.length;
  const summary = summaryText(roster, present, markings);
  say('#summary', summary.text, summary.kind);
}

async function toggle(student, isPresent) {
  const url = `${base}/attendance/${dateInput.value}/students/${student.id}`;
  try {
    await api(url, { method: isPresent ? 'DELETE' : 'PUT' });
    await refreshMarkings();
    await refreshLists();
    say('#lists-status', `${student.name} marked ${isPresent ? 'absent' : 'present'}.`, 'success');
    // keep keyboard focus on the same student, now in the other list
    [...document.querySelectorAll('#present button, #absent button')]
      .find((b) => b.getAttribute('aria-label').endsWith(`: ${student.name}`))
      ?.focus();
  } catch (error) {
    say('#lists-status', errorText(error), 'error');
  }
}

/* ---------- the faces of the day's markings ---------- */

const boxKind = (face) =>
  face.status === 'UNKNOWN' && face.needsReview
    ? 'review'
    : { MARKED: 'marked', ALREADY_MARKED: 'already', UNKNOWN: 'unknown', KEPT_ABSENT: 'kept' }[face.status];

async function thumbnailOf(marking, face) {
  const key = face.faceId;
  if (!thumbnails.has(key)) {
    thumbnails.set(
      key,
      api(`${base}/attendance/markings/${marking.markingId}/faces/${face.faceId}/thumbnail`, { accept: 'image/jpeg' })
        .then((blob) => URL.createObjectURL(blob))
        .catch(() => null),
    );
  }
  return thumbnails.get(key);
}

/** The photo with one numbered box per face; a tap on a box opens the picker for that face. */
function photoFigure(marking, canvas, faces, title) {
  const img = h('img', { src: canvas.toDataURL('image/jpeg', 0.85), alt: '' });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${canvas.width} ${canvas.height}`);
  svg.setAttribute('aria-hidden', 'true');
  const stroke = Math.max(2, canvas.width / 300);
  // big enough to read at phone width, where a 1920-px photo is shown ~350 px wide
  const badge = Math.max(16, canvas.width / 28);
  for (const { face, number } of faces) {
    const { x, y, width, height } = face.box;
    const group = document.createElementNS(SVG, 'g');
    group.setAttribute('class', `face-box ${boxKind(face)}`);
    group.dataset.faceId = face.faceId;
    const rect = document.createElementNS(SVG, 'rect');
    Object.entries({ x, y, width, height, 'stroke-width': stroke, class: 'box' }).forEach(([k, v]) =>
      rect.setAttribute(k, v),
    );
    const circle = document.createElementNS(SVG, 'circle');
    Object.entries({ cx: x, cy: y, r: badge * 0.75, class: 'badge' }).forEach(([k, v]) => circle.setAttribute(k, v));
    const text = document.createElementNS(SVG, 'text');
    Object.entries({
      x,
      y,
      'font-size': badge,
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      class: 'badge-number',
    }).forEach(([k, v]) => text.setAttribute(k, v));
    text.textContent = number;
    group.append(rect, circle, text);
    group.addEventListener('click', () => openPicker(marking, face, number));
    svg.append(group);
  }
  return h('figure', { class: 'result' }, h('div', { class: 'photo-boxes' }, img, svg), h('figcaption', {}, title));
}

function faceRow(marking, face, number) {
  const thumb = h('img', { class: 'face-thumb', alt: '', width: 48, height: 48 });
  thumbnailOf(marking, face).then((url) => url && (thumb.src = url));
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: `face-row ${boxKind(face)}`,
        'data-face-id': face.faceId,
        onclick: () => openPicker(marking, face, number),
      },
      h('span', { class: 'face-number', 'aria-hidden': 'true' }, String(number)),
      thumb,
      h('span', {}, h('span', { class: 'visually-hidden' }, `Face ${number}: `), faceLine(face)),
    ),
  );
}

function until(instant) {
  return new Date(instant).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function markingCard(marking, index) {
  const numbered = marking.faces.map((face, i) => ({ face, number: i + 1 }));
  const canvases = canvasesOf.get(marking.markingId);
  const time = new Date(marking.markedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const groups = faceGroups(numbered);
  return h(
    'article',
    { class: 'card marking', 'data-marking-id': marking.markingId },
    h(
      'h3',
      {},
      `Photos marked at ${time}`,
      h(
        'span',
        { class: 'muted' },
        ` · ${marking.photos} photo${marking.photos === 1 ? '' : 's'}, ${marking.faces.length} face${marking.faces.length === 1 ? '' : 's'}`,
      ),
    ),
    canvases
      ? canvases.map(({ canvas, title }, p) =>
          photoFigure(
            marking,
            canvas,
            numbered.filter(({ face }) => face.photo === p),
            title,
          ),
        )
      : h(
          'p',
          { class: 'help' },
          `The photos are not kept. Their faces can be corrected until ${until(marking.reviewUntil)}.`,
        ),
    groups
      .filter((g) => g.faces.length)
      .map((g) =>
        h(
          'section',
          { class: 'face-group', 'aria-label': `${g.title} (marking ${index + 1})` },
          h('h4', {}, `${g.title} (${g.faces.length})`),
          h(
            'ul',
            { class: 'face-list' },
            g.faces.map(({ face, number }) => faceRow(marking, face, number)),
          ),
        ),
      ),
  );
}

function drawMarkings() {
  $('#results').hidden = markings.length === 0;
  $('#markings').replaceChildren(...markings.map((m, i) => markingCard(m, i)).reverse());
}

async function refreshMarkings() {
  markings = await api(`${base}/attendance/markings?date=${dateInput.value}`);
  drawMarkings();
}

/* ---------- the picker: who is this face? ---------- */

const picker = $('#picker');
let picking = null; // { marking, face, number, differentFrom }

function choiceButton(student, action) {
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'choice', onclick: action },
      h('strong', {}, student.name),
      h(
        'span',
        { class: 'muted' },
        ` · roll no. ${student.rollNo}${present.has(student.id) ? ' · already present' : ''}`,
      ),
    ),
  );
}

function drawRosterChoices() {
  const query = $('#picker-search').value.trim().toLowerCase();
  const found = roster.filter(
    (s) => !query || s.name.toLowerCase().includes(query) || s.rollNo.toLowerCase().includes(query),
  );
  const shown = found.slice(0, 8);
  $('#picker-roster').replaceChildren(
    ...shown.map((s) => choiceButton(s, () => assign(s))),
    ...(found.length > shown.length
      ? [h('li', { class: 'muted' }, `${found.length - shown.length} more: type to narrow the list`)]
      : []),
    ...(found.length ? [] : [h('li', { class: 'muted' }, 'No student with that name or roll number')]),
  );
}

async function openPicker(marking, face, number) {
  picking = { marking, face, number, differentFrom: [] };
  $('#picker-title').textContent = `Who is face ${number}?`;
  $('#picker-now').textContent = faceLine(face);
  $('#picker-face').removeAttribute('src');
  thumbnailOf(marking, face).then((url) => url && ($('#picker-face').src = url));
  say('#picker-error', '');
  $('#picker-conflict').hidden = true;
  const kept = face.status === 'KEPT_ABSENT';
  $('#picker-anyway').hidden = !kept;
  if (kept) $('#picker-anyway-button').textContent = `Mark ${face.student.name} present anyway`;
  const candidates = face.candidates.filter((c) => c.student.id !== face.student?.id);
  $('#picker-best-title').hidden = candidates.length === 0;
  $('#picker-best').replaceChildren(...candidates.map((c) => choiceButton(c.student, () => assign(c.student))));
  $('#picker-search').value = '';
  drawRosterChoices();
  $('#picker-new').open = false;
  $('#picker-new-form').reset();
  const reject = $('#picker-reject');
  reject.hidden = !face.student;
  if (face.student) reject.textContent = `Not ${face.student.name}`;
  picker.showModal();
  (kept ? $('#picker-anyway-button') : candidates.length ? $('#picker-best button') : $('#picker-search')).focus();
}

async function afterCorrection(message) {
  picker.close();
  const { number, marking } = picking;
  await refreshMarkings();
  await refreshLists();
  say('#progress', ''); // the counts of the last upload are out of date now; the summary above is current
  say('#review-status', message, 'success');
  // focus stays on the face just corrected
  document
    .querySelector(`[data-marking-id="${marking.markingId}"] .face-row[data-face-id="${picking.face.faceId}"]`)
    ?.focus();
  return number;
}

async function correction(action) {
  say('#picker-error', '');
  picker.querySelectorAll('button').forEach((b) => (b.disabled = true));
  try {
    await action();
  } catch (error) {
    if (error.code === 'FACE_MATCHES_OTHER_STUDENT') {
      picking.differentFrom = [...picking.differentFrom, error.problem.studentId];
      $('#picker-conflict').hidden = false;
    }
    say('#picker-error', errorText(error), 'error');
    $('#picker-error').focus();
  } finally {
    picker.querySelectorAll('button').forEach((b) => (b.disabled = false));
  }
}

function facePath() {
  return `${base}/attendance/markings/${picking.marking.markingId}/faces/${picking.face.faceId}`;
}

function assign(student) {
  picking.target = student;
  return correction(async () => {
    await api(facePath(), {
      method: 'PUT',
      json: { studentId: student.id, learn: true, differentFrom: picking.differentFrom },
    });
    await afterCorrection(
      `${student.name} is marked present. Rollcall will also use this face to recognise ${student.name} next time.`,
    );
  });
}

$('#picker-search').addEventListener('input', drawRosterChoices);
$('#picker-close').addEventListener('click', () => picker.close());
$('#picker-different').addEventListener('click', () => picking.target && assign(picking.target));
$('#picker-anyway-button').addEventListener('click', () => assign(picking.face.student));
$('#picker-reject').addEventListener('click', () =>
  correction(async () => {
    const name = picking.face.student.name;
    await api(facePath(), { method: 'DELETE' });
    await afterCorrection(
      `Face ${picking.number} is no longer taken for ${name}${picking.face.status === 'MARKED' ? `, and ${name} is absent again` : ''}.`,
    );
  }),
);
$('#picker-new-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  const errorBox = form.querySelector('[data-error]');
  say(errorBox, '');
  const { name, rollNo } = Object.fromEntries(new FormData(form));
  correction(async () => {
    let student;
    try {
      student = await api(`${base}/students`, { method: 'POST', json: { name: name.trim(), rollNo: rollNo.trim() } });
    } catch (error) {
      say(errorBox, errorText(error), 'error');
      errorBox.focus();
      return;
    }
    roster = [...roster, student];
    picking.target = student;
    await api(facePath(), { method: 'PUT', json: { studentId: student.id, learn: true } });
    await afterCorrection(`${student.name} is added to the class and marked present, with this face as their photo.`);
  });
});

/* ---------- marking from photos ---------- */

function progressText(files, sent) {
  // one request carries every photo: which photo is on its way follows from the bytes sent so far
  let offset = 0;
  for (const [i, { blob }] of files.entries()) {
    if (sent < offset + blob.size || i === files.length - 1) {
      const percent = Math.min(100, Math.round(((sent - offset) / blob.size) * 100));
      return files.length === 1
        ? `Uploading the photo: ${percent} %`
        : `Uploading photo ${i + 1} of ${files.length}: ${Math.max(0, percent)} %`;
    }
    offset += blob.size;
  }
  return 'Uploading…';
}

/**
 * All photos go in one request, so a student seen in two overlapping photos of a hall is one presence; every face
 * in the answer names the photo (by upload order) its box belongs to. The prepared photos are kept in the browser
 * until the answer comes, so a sign-in in between does not lose them.
 */
async function markPhotos(photos) {
  const files = [];
  for (const [i, p] of photos.entries())
    files.push({ name: p.title ?? `class-photo-${i + 1}.jpg`, blob: p.blob ?? (await canvasToJpeg(p.canvas, 0.9)) });
  await keepPhotos(classId, dateInput.value, files);
  const form = new FormData();
  files.forEach(({ name, blob }) => form.append('photo', blob, name));
  form.append('date', dateInput.value);
  const bar = $('#upload-bar');
  bar.hidden = false;
  bar.value = 0;
  let answer;
  try {
    answer = await api(`${base}/attendance`, {
      method: 'POST',
      form,
      onUploadProgress: (sent, total) => {
        bar.value = Math.round((sent / total) * 100);
        say('#progress', sent >= total ? 'Looking for faces…' : progressText(files, sent));
      },
    });
  } catch (error) {
    // refused photos are not offered again; only a lost connection (or the sign-in trip) keeps them
    if (error.status) await forgetPhotos(classId);
    throw error;
  } finally {
    bar.hidden = true;
  }
  await forgetPhotos(classId);
  canvasesOf.set(
    answer.markingId,
    photos.map(({ canvas, title }) => ({ canvas, title })),
  );
  await refreshMarkings();
  await refreshLists();
  const n = answer.marked;
  const kept = answer.keptAbsent ? `, ${answer.keptAbsent} kept absent as you marked them` : '';
  say(
    '#progress',
    `Done: ${n} student${n === 1 ? '' : 's'} marked present now, ${answer.alreadyMarked} already present${kept}, ${answer.unknown} face${answer.unknown === 1 ? '' : 's'} not recognised.`,
    n > 0 ? 'success' : 'info',
  );
  $('#results-title').focus();
}

onSubmit($('#photo-form'), async () => {
  const files = [...$('#photos').files];
  if (!files.length) {
    say($('#photo-form [data-error]'), 'Choose one or more class photos first.', 'error');
    $('#photos').focus();
    return;
  }
  const { maxPhotos } = (await serverLimits()).attendance;
  if (files.length > maxPhotos) {
    say($('#photo-form [data-error]'), `Choose at most ${maxPhotos} photos at a time.`, 'error');
    return;
  }
  try {
    say('#progress', `Preparing ${files.length} photo${files.length === 1 ? '' : 's'}…`);
    const photos = [];
    for (const file of files) photos.push({ canvas: await loadUpright(file, MAX_PHOTO_SIDE), title: file.name });
    await markPhotos(photos);
    $('#photos').value = '';
  } catch (error) {
    say('#progress', '');
    throw error;
  }
});

$('#use-camera').addEventListener('click', async () => {
  try {
    cameraStream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment', width: { ideal: 1920 } },
      audio: false,
    });
  } catch {
    say(
      $('#photo-form [data-error]'),
      'The camera could not be started. Allow camera access, or choose photos instead.',
      'error',
    );
    return;
  }
  const video = $('#camera-video');
  video.srcObject = cameraStream;
  await video.play();
  $('#camera').hidden = false;
  $('#snap').focus();
});

function stopCamera() {
  cameraStream?.getTracks().forEach((t) => t.stop());
  cameraStream = null;
  $('#camera').hidden = true;
}

$('#stop-camera').addEventListener('click', stopCamera);
$('#snap').addEventListener('click', async () => {
  const video = $('#camera-video');
  const canvas = h('canvas', { width: video.videoWidth, height: video.videoHeight });
  canvas.getContext('2d').drawImage(video, 0, 0);
  stopCamera();
  try {
    say('#progress', 'Looking for faces…');
    await markPhotos([{ canvas, title: 'Camera photo' }]);
  } catch (error) {
    say('#progress', errorText(error), 'error');
  }
});

dateInput.addEventListener(
  'change',
  () =>
    dateInput.value &&
    Promise.all([refreshLists(), refreshMarkings()])
      .then(drawLists)
      .catch((e) => say('#lists-status', errorText(e), 'error')),
);

/** Photos chosen before a trip to the sign-in page are offered again. */
async function offerKeptPhotos() {
  const kept = await keptPhotos(classId);
  if (!kept?.photos?.length) return;
  const n = kept.photos.length;
  $('#pending-text').textContent =
    `You chose ${n} photo${n === 1 ? '' : 's'} for ${formatDate(kept.date)} before you had to sign in again. They have not been marked yet.`;
  $('#pending').hidden = false;
  $('#pending-mark').onclick = async () => {
    $('#pending').hidden = true;
    dateInput.value = kept.date;
    try {
      const photos = [];
      for (const { name, blob } of kept.photos) {
        const canvas = await loadUpright(blob, MAX_PHOTO_SIDE);
        photos.push({ canvas, blob, title: name });
      }
      await markPhotos(photos);
    } catch (error) {
      say('#progress', errorText(error), 'error');
    }
  };
  $('#pending-discard').onclick = async () => {
    await forgetPhotos(classId);
    $('#pending').hidden = true;
  };
}

load(async () => {
  const klass = await loadClass();
  dateInput.value = todayIn(klass.timezone);
  dateInput.max = dateInput.value; // the server refuses attendance for future days
  await refreshMarkings();
  await refreshLists();
  await offerKeptPhotos();
});
