// The enrolment photo widget: live camera with the face check and auto-capture, or a picked file that goes through
// the same check. The teacher confirms the still before it is sent.
import { backendName, checkFace, loadFaceCheck } from './face-check.js';
import { canvasToJpeg, loadUpright } from './images.js';
import { errorText, h } from './ui.js';

/** Consecutive good frames before the photo is taken: about half a second at 15 fps. */
const GOOD_FRAMES_TO_CAPTURE = 8;
const MAX_UPLOAD_SIDE = 1600;

/** The enrolment URL with the students the teacher confirmed the photo is not (twins, look-alikes). */
export function withDifferentFrom(path, differentFrom) {
  if (!differentFrom.length) return path;
  return `${path}?${new URLSearchParams(differentFrom.map((id) => ['differentFrom', id]))}`;
}

/**
 * @param container element to draw into
 * @param onPhoto async (jpegBlob, { differentFrom }) => void, called when the teacher confirms; throwing shows the
 *        error and offers a retake. differentFrom lists the students the teacher said the photo is not: when the
 *        server answers ALREADY_ENROLLED_AS, the teacher may confirm that it is somebody else and send it again.
 */
export function createFaceCapture(container, { onPhoto, confirmLabel = 'Use this photo' }) {
  const video = h('video', { playsinline: true, muted: true, 'aria-label': 'Camera preview' });
  const overlay = h('canvas', { class: 'overlay', 'aria-hidden': 'true' });
  const stage = h('div', { class: 'stage', hidden: true }, video, overlay);
  const hint = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const cameraButton = h('button', { type: 'button', class: 'primary' }, 'Use the camera');
  const switchButton = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Switch camera');
  const fileInput = h('input', { type: 'file', accept: 'image/*', id: `${container.id}-file`, class: 'file-input' });
  const fileLabel = h('label', { for: fileInput.id, class: 'button secondary' }, 'Choose a photo');
  const choice = h('div', { class: 'actions capture-choice' }, cameraButton, switchButton, fileInput, fileLabel);
  const still = h('img', { class: 'still', alt: 'The photo to be saved' });
  const error = h('p', { class: 'message', 'data-kind': 'error', role: 'alert', tabindex: '-1', hidden: true });
  const useButton = h('button', { type: 'button', class: 'primary' }, confirmLabel);
  const retakeButton = h('button', { type: 'button', class: 'secondary' }, 'Retake');
  const review = h('div', { class: 'review', hidden: true }, still, h('div', { class: 'actions' }, useButton, retakeButton));
  const differentButton = h('button', { type: 'button', class: 'secondary' }, 'They are different people (e.g. twins) — enrol anyway');
  const lookAlike = h('div', { class: 'look-alike', hidden: true },
    h('p', { class: 'help' }, 'Only if you are sure. When Rollcall cannot tell them apart in a class photo it marks neither of them, so check them by hand.'),
    h('div', { class: 'actions' }, differentButton));
  container.classList.add('capture');
  container.replaceChildren(choice, stage, hint, review, error, lookAlike);

  let stream = null;
  // each camera start gets a new number; a check loop stops as soon as its number is no longer the current one
  let loop = 0;
  let photo = null;
  let source = 'camera';
  // the front camera on a laptop; on a phone the teacher may switch to the back camera to photograph the student
  let facing = 'user';
  // students the teacher confirmed the current photo is not, and the one the last refusal named
  let differentFrom = [];
  let namedStudent = null;

  function showError(text) {
    error.textContent = text;
    error.hidden = !text;
    if (!text) lookAlike.hidden = true;
    if (text) error.focus();
  }

  function stopCamera() {
    loop += 1;
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
    stage.hidden = true;
    switchButton.hidden = true;
  }

  function drawBox(verdict) {
    overlay.width = video.videoWidth;
    overlay.height = video.videoHeight;
    const ctx = overlay.getContext('2d');
    ctx.clearRect(0, 0, overlay.width, overlay.height);
    if (!verdict.face) return;
    const [x, y, w, hgt] = verdict.face.box;
    ctx.lineWidth = Math.max(3, overlay.width / 160);
    ctx.strokeStyle = verdict.ok ? '#1a7f37' : '#d4a72c';
    ctx.strokeRect(x, y, w, hgt);
  }

  function setHint(text) {
    if (hint.textContent !== text) hint.textContent = text; // unchanged text is not re-announced
  }

  async function startCamera() {
    if (stream) return; // already running
    const mine = loop;
    showError('');
    review.hidden = true;
    source = 'camera';
    setHint('Starting the camera…');
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: facing }, audio: false });
    } catch {
      setHint('');
      showError('The camera could not be started. Allow camera access in the browser, or choose a photo instead.');
      return;
    }
    video.srcObject = stream;
    await video.play();
    stage.classList.toggle('mirrored', facing === 'user'); // a selfie view moves like a mirror
    stage.hidden = false;
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    switchButton.hidden = cameras.length < 2;
    setHint('Loading the face check…');
    const human = await loadFaceCheck();
    container.dataset.backend = backendName(human);
    if (mine === loop) runLoop(human, mine); // unless stopped or switched meanwhile
  }

  async function runLoop(human, mine) {
    let streak = 0;
    let frames = 0;
    let windowStart = performance.now();
    while (mine === loop) {
      const frame = { width: video.videoWidth, height: video.videoHeight };
      const verdict = await checkFace(human, video, frame);
      if (mine !== loop) break;
      drawBox(verdict);
      streak = verdict.ok ? streak + 1 : 0;
      setHint(verdict.hint);
      frames += 1;
      const elapsed = performance.now() - windowStart;
      if (elapsed >= 1000) {
        container.dataset.fps = (frames * 1000 / elapsed).toFixed(1);
        container.dataset.frameSize = `${frame.width}x${frame.height}`;
        frames = 0;
        windowStart = performance.now();
      }
      if (streak >= GOOD_FRAMES_TO_CAPTURE) {
        await captureFrame();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  async function captureFrame() {
    const canvas = h('canvas', { width: video.videoWidth, height: video.videoHeight });
    canvas.getContext('2d').drawImage(video, 0, 0);
    stopCamera();
    showReview(await canvasToJpeg(canvas), 'Photo taken. Use it, or retake it.');
  }

  function showReview(blob, text) {
    photo = blob;
    differentFrom = [];
    lookAlike.hidden = true;
    URL.revokeObjectURL(still.src);
    still.src = URL.createObjectURL(blob);
    review.hidden = false;
    useButton.hidden = false;
    retakeButton.textContent = source === 'camera' ? 'Retake' : 'Choose another photo';
    setHint(text);
    container.dataset.state = 'review';
    useButton.focus();
  }

  async function checkFile(file) {
    stopCamera();
    showError('');
    source = 'file';
    container.dataset.state = 'checking';
    setHint('Checking the photo…');
    try {
      const canvas = await loadUpright(file, MAX_UPLOAD_SIDE);
      const human = await loadFaceCheck();
      const verdict = await checkFace(human, canvas, canvas, { still: true });
      const blob = await canvasToJpeg(canvas);
      if (verdict.ok) {
        showReview(blob, 'The photo looks good. Use it, or choose another.');
      } else {
        showReview(blob, '');
        useButton.hidden = true;
        container.dataset.state = 'rejected';
        showError(`This photo cannot be used: ${verdict.hint.toLowerCase()}.`);
      }
    } catch (e) {
      setHint('');
      container.dataset.state = 'rejected';
      showError(errorText(e));
    }
  }

  cameraButton.addEventListener('click', startCamera);
  switchButton.addEventListener('click', () => {
    stopCamera();
    facing = facing === 'user' ? 'environment' : 'user';
    startCamera();
  });
  fileInput.addEventListener('change', () => {
    const [file] = fileInput.files;
    fileInput.value = '';
    if (file) checkFile(file);
  });
  // the Retake button hides with the review, so focus moves on before it would fall back to the page's start:
  // to the camera's hint while the camera runs, or to the file picker's input
  retakeButton.addEventListener('click', () => {
    review.hidden = true;
    container.dataset.state = '';
    if (source === 'camera') {
      hint.focus();
      startCamera();
    } else {
      fileInput.focus();
      fileInput.click();
    }
  });
  async function send() {
    showError('');
    useButton.disabled = retakeButton.disabled = differentButton.disabled = true;
    try {
      await onPhoto(photo, { differentFrom: [...differentFrom] });
      container.dataset.state = 'saved';
    } catch (e) {
      namedStudent = e.code === 'ALREADY_ENROLLED_AS' ? e.problem?.studentId : null;
      lookAlike.hidden = !namedStudent;
      showError(errorText(e));
    } finally {
      useButton.disabled = retakeButton.disabled = differentButton.disabled = false;
    }
  }

  useButton.addEventListener('click', send);
  differentButton.addEventListener('click', () => {
    differentFrom.push(namedStudent);
    send();
  });

  return { stop: stopCamera };
}
