import { api } from '../api.js';
import { $, errorText, formatDate, h, load, onSubmit, say, startSignedInPage, todayIn, pathParam } from '../ui.js';
import { canvasToJpeg, loadUpright } from '../images.js';
import { presentStudentIds } from '../attendance-report.js';

startSignedInPage();
const classId = pathParam('class');
const base = `/api/classes/${classId}`;
/** Long side of an uploaded class photo: phone photos shrink, yet a face 1/40 of the width keeps ~60 px. */
const MAX_PHOTO_SIDE = 2560;
const MAX_PHOTOS = 10;
const SVG = 'http://www.w3.org/2000/svg';
const STATUS_TEXT = { MARKED: 'marked now', ALREADY_MARKED: 'already present', UNKNOWN: 'not recognised' };
const STATUS_CLASS = { MARKED: 'marked', ALREADY_MARKED: 'already', UNKNOWN: 'unknown' };

let roster = [];
let present = new Set();
let cameraStream = null;

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
  return h('li', { class: 'person' },
    h('span', {}, h('strong', {}, student.name), h('span', { class: 'muted' }, ` · ${student.rollNo}`)),
    h('button', { type: 'button', class: isPresent ? 'secondary small' : 'primary small', 'aria-label': `${label}: ${student.name}`, onclick: () => toggle(student, isPresent) }, label));
}

function drawLists() {
  $('#lists-date').textContent = formatDate(dateInput.value);
  const here = roster.filter((s) => present.has(s.id));
  const away = roster.filter((s) => !present.has(s.id));
  const nobody = (text) => h('li', { class: 'person muted' }, text);
  $('#present').replaceChildren(...(here.length ? here.map((s) => personRow(s, true)) : [nobody('Nobody yet')]));
  $('#absent').replaceChildren(...(away.length ? away.map((s) => personRow(s, false)) : [nobody(roster.length ? 'Everyone is here' : 'No students in this class yet')]));
  $('#present-count').textContent = here.length;
  $('#absent-count').textContent = away.length;
}

async function toggle(student, isPresent) {
  const url = `${base}/attendance/${dateInput.value}/students/${student.id}`;
  try {
    await api(url, { method: isPresent ? 'DELETE' : 'PUT' });
    if (isPresent) present.delete(student.id);
    else present.add(student.id);
    drawLists();
    say('#lists-status', `${student.name} marked ${isPresent ? 'absent' : 'present'}.`, 'success');
    // keep keyboard focus on the same student, now in the other list
    [...document.querySelectorAll('#present button, #absent button')].find((b) => b.getAttribute('aria-label').endsWith(`: ${student.name}`))?.focus();
  } catch (error) {
    say('#lists-status', errorText(error), 'error');
  }
}

/** The photo with one box per face: green marked now, blue already present, red not recognised. */
function resultFigure(canvas, faces, title) {
  const img = h('img', { src: canvas.toDataURL('image/jpeg', 0.85), alt: '' });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${canvas.width} ${canvas.height}`);
  svg.setAttribute('aria-hidden', 'true');
  const stroke = Math.max(2, canvas.width / 300);
  // names stay readable when a big photo is shown at phone width
  const fontSize = Math.max(16, canvas.width / 40);
  for (const face of faces) {
    const { x, y, width, height } = face.box;
    const rect = document.createElementNS(SVG, 'rect');
    Object.entries({ x, y, width, height, 'stroke-width': stroke, class: `box ${STATUS_CLASS[face.status]}` }).forEach(([k, v]) => rect.setAttribute(k, v));
    svg.append(rect);
    if (face.student) {
      const text = document.createElementNS(SVG, 'text');
      Object.entries({ x, y: y + height + fontSize, 'font-size': fontSize, class: `label ${STATUS_CLASS[face.status]}` }).forEach(([k, v]) => text.setAttribute(k, v));
      text.textContent = face.student.name;
      svg.append(text);
    }
  }
  const count = (status) => faces.filter((f) => f.status === status).length;
  return h('figure', { class: 'result card' },
    h('div', { class: 'photo-boxes' }, img, svg),
    h('figcaption', {}, h('strong', {}, title),
      ` · ${faces.length} face${faces.length === 1 ? '' : 's'}: ${count('MARKED')} marked now, ${count('ALREADY_MARKED')} already present, ${count('UNKNOWN')} not recognised`),
    h('ul', { class: 'face-list' }, faces.map((face) => h('li', { class: STATUS_CLASS[face.status] },
      face.student ? `${face.student.name} (${face.student.rollNo}): ${STATUS_TEXT[face.status]}` : `A face ${STATUS_TEXT[face.status]}`))));
}

/**
 * All photos go in one request, so a student seen in two overlapping photos of a hall is one presence; every face
 * in the answer names the photo (by upload order) its box belongs to.
 */
async function markFromCanvases(photos) {
  const form = new FormData();
  for (const [i, { canvas }] of photos.entries()) form.append('photo', await canvasToJpeg(canvas, 0.9), `class-photo-${i + 1}.jpg`);
  form.append('date', dateInput.value);
  const answer = await api(`${base}/attendance`, { method: 'POST', form });
  $('#results').hidden = false;
  $('#figures').replaceChildren(...photos.map(({ canvas, title }, i) => resultFigure(canvas, answer.faces.filter((f) => f.photo === i), title)));
  const n = answer.marked;
  say('#progress', `Done: ${n} student${n === 1 ? '' : 's'} marked present now, ${answer.alreadyMarked} already present, ${answer.unknown} face${answer.unknown === 1 ? '' : 's'} not recognised.`, 'success');
  await refreshLists();
  $('#results-title').focus();
}

onSubmit($('#photo-form'), async () => {
  const files = [...$('#photos').files];
  if (!files.length) {
    say($('#photo-form [data-error]'), 'Choose one or more class photos first.', 'error');
    $('#photos').focus();
    return;
  }
  if (files.length > MAX_PHOTOS) {
    say($('#photo-form [data-error]'), `Choose at most ${MAX_PHOTOS} photos at a time.`, 'error');
    return;
  }
  try {
    say('#progress', `Preparing ${files.length} photo${files.length === 1 ? '' : 's'}…`);
    const photos = [];
    for (const file of files) photos.push({ canvas: await loadUpright(file, MAX_PHOTO_SIDE), title: file.name });
    say('#progress', 'Looking for faces…');
    await markFromCanvases(photos);
    $('#photos').value = '';
  } catch (error) {
    say('#progress', '');
    throw error;
  }
});

$('#use-camera').addEventListener('click', async () => {
  try {
    cameraStream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1920 } }, audio: false });
  } catch {
    say($('#photo-form [data-error]'), 'The camera could not be started. Allow camera access, or choose photos instead.', 'error');
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
    await markFromCanvases([{ canvas, title: 'Camera photo' }]);
  } catch (error) {
    say('#progress', errorText(error), 'error');
  }
});

dateInput.addEventListener('change', () => dateInput.value && refreshLists().catch((e) => say('#lists-status', errorText(e), 'error')));

load(async () => {
  const klass = await api(base);
  document.title = `Mark attendance · ${klass.name} · Rollcall`;
  $('#class-name').textContent = `· ${klass.name}`;
  $('#class-link').textContent = klass.name;
  $('#class-link').href = `/class.html?id=${classId}`;
  dateInput.value = todayIn(klass.timezone);
  dateInput.max = dateInput.value; // the server refuses attendance for future days
  await refreshLists();
});
