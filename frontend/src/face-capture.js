// The enrolment photo widget: live camera with the face check and auto-capture, or a picked file that goes through
// the same check. The teacher confirms the still before it is sent.
import { backendName, checkFace, loadFaceCheck } from './face-check.js';
import { HINTS } from './face-rules.js';
import { canvasToJpeg, loadUpright } from './images.js';
import { h } from './ui/dom.js';
import { errorText } from './ui/feedback.js';

/** Consecutive good frames before the photo is taken: about half a second at 15 fps. */
const GOOD_FRAMES_TO_CAPTURE = 8;
const MAX_UPLOAD_SIDE = 1600;

/**
 * The enrolment URL with the students the teacher confirmed the photo is not (twins, look-alikes) and, for a photo
 * showing several faces, the index of the student's face among the boxes of the server's MULTIPLE_FACES answer.
 */
export function enrolmentUrl(path, { differentFrom = [], face } = {}) {
  const query = new URLSearchParams(differentFrom.map((id) => ['differentFrom', id]));
  if (face !== undefined && face !== null) query.append('face', String(face));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * @param container element to draw into
 * @param onPhoto async (jpegBlob, { differentFrom, face }) => void, called when the teacher confirms; throwing shows
 *        the error and offers a retake. differentFrom lists the students the teacher said the photo is not: when the
 *        server answers ALREADY_ENROLLED_AS, the teacher may confirm that it is somebody else and send it again.
 *        face is the index of the face the teacher picked when the server answered MULTIPLE_FACES with its boxes
 *        (undefined otherwise); send it as `face=N` (enrolmentUrl does).
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
  const review = h(
    'div',
    { class: 'review', hidden: true },
    still,
    h('div', { class: 'actions' }, useButton, retakeButton),
  );
  const differentButton = h(
    'button',
    { type: 'button', class: 'secondary' },
    'They are different people (e.g. twins) — enrol anyway',
  );
  const lookAlike = h(
    'div',
    { class: 'look-alike', hidden: true },
    h(
      'p',
      { class: 'help' },
      'Only if you are sure. When Rollcall cannot tell them apart in a class photo it marks neither of them, so check them by hand.',
    ),
    h('div', { class: 'actions' }, differentButton),
  );
  // a picked photo of several people: sent anyway, the server answers with every face's box to choose from
  const pickButton = h(
    'button',
    { type: 'button', class: 'secondary', hidden: true },
    'Choose the student’s face in this photo',
  );
  const pickerHelp = h('p', { class: 'help', id: `${container.id}-picker-help` });
  const pickerStage = h('div', { class: 'picker-stage', style: 'position: relative; max-width: 640px;' });
  const pickerRetake = h('button', { type: 'button', class: 'secondary' }, 'None of these: use another photo');
  const picker = h(
    'div',
    { class: 'face-picker', role: 'group', 'aria-labelledby': pickerHelp.id, hidden: true },
    pickerHelp,
    pickerStage,
    h('div', { class: 'actions' }, pickerRetake),
  );
  container.classList.add('capture');
  container.replaceChildren(choice, stage, hint, review, pickButton, error, lookAlike, picker);

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
  // the face the teacher picked among the server's boxes, kept when the photo is sent again (look-alike)
  let chosenFace;

  function showError(text) {
    error.textContent = text;
    error.hidden = !text;
    if (!text) lookAlike.hidden = true;
    if (text) error.focus();
  }

  function hidePicker() {
    picker.hidden = true;
    pickerStage.replaceChildren();
  }

  /**
   * The photo with a button over every face the server found (boxes in the sent photo's pixels, largest first):
   * tapping one, or Tab to it and Enter, sends the photo again for that face.
   */
  function showPicker(boxes) {
    const image = h('img', {
      src: still.src,
      alt: 'The photo with the faces found in it',
      style: 'width: 100%; display: block; border-radius: 6px;',
    });
    const place = () => {
      const W = image.naturalWidth || 1;
      const H = image.naturalHeight || 1;
      const buttons = boxes.map((box, i) => {
        const button = h(
          'button',
          {
            type: 'button',
            class: 'face-box',
            'aria-label': `Face ${i + 1} of ${boxes.length}${i === 0 ? ' (the largest)' : ''}`,
            dataset: { face: String(i) },
            onclick: () => {
              chosenFace = i;
              hidePicker();
              // the photo stays in view (with Retake) while it is sent for this face
              review.hidden = false;
              useButton.hidden = true;
              setHint(`Sending face ${i + 1}…`);
              send();
            },
          },
          String(i + 1),
        );
        Object.assign(button.style, {
          position: 'absolute',
          left: `${(100 * box.x) / W}%`,
          top: `${(100 * box.y) / H}%`,
          width: `${(100 * box.width) / W}%`,
          height: `${(100 * box.height) / H}%`,
          minWidth: '44px',
          minHeight: '44px',
          padding: '0',
          background: 'rgba(255, 255, 255, 0.12)',
          border: '3px solid #d4a72c',
          borderRadius: '6px',
          color: '#fff',
          fontWeight: 'bold',
          textShadow: '0 0 3px #000',
          alignItems: 'flex-start',
          justifyContent: 'flex-start',
        });
        return button;
      });
      pickerStage.replaceChildren(image, ...buttons);
      buttons[0]?.focus();
    };
    pickerHelp.textContent = `This photo shows ${boxes.length} faces. Tap the student’s face (or Tab to it and press Enter).`;
    picker.hidden = false;
    review.hidden = true;
    pickButton.hidden = true;
    if (image.complete && image.naturalWidth) place();
    else image.addEventListener('load', place, { once: true });
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
      stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: facing },
        audio: false,
      });
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
    let check;
    try {
      check = await loadFaceCheck();
    } catch (e) {
      if (mine === loop) {
        stopCamera();
        setHint('');
        showError(errorText(e));
      }
      return;
    }
    container.dataset.backend = backendName(check);
    if (mine === loop) runLoop(check, mine); // unless stopped or switched meanwhile
  }

  async function runLoop(check, mine) {
    let streak = 0;
    let frames = 0;
    let windowStart = performance.now();
    while (mine === loop) {
      const frame = { width: video.videoWidth, height: video.videoHeight };
      const verdict = await checkFace(check, video, frame);
      if (mine !== loop) break;
      drawBox(verdict);
      streak = verdict.ok ? streak + 1 : 0;
      setHint(verdict.hint);
      frames += 1;
      const elapsed = performance.now() - windowStart;
      if (elapsed >= 1000) {
        container.dataset.fps = ((frames * 1000) / elapsed).toFixed(1);
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
    chosenFace = undefined;
    lookAlike.hidden = true;
    pickButton.hidden = true;
    hidePicker();
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
      const check = await loadFaceCheck();
      const verdict = await checkFace(check, canvas, canvas, { still: true });
      const blob = await canvasToJpeg(canvas);
      if (verdict.ok) {
        showReview(blob, 'The photo looks good. Use it, or choose another.');
      } else {
        showReview(blob, '');
        useButton.hidden = true;
        container.dataset.state = 'rejected';
        showError(`This photo cannot be used: ${verdict.hint.toLowerCase()}.`);
        pickButton.hidden = verdict.hint !== HINTS.manyFaces;
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
    useButton.disabled = retakeButton.disabled = differentButton.disabled = pickButton.disabled = true;
    try {
      await onPhoto(photo, { differentFrom: [...differentFrom], face: chosenFace });
      container.dataset.state = 'saved';
      pickButton.hidden = true;
    } catch (e) {
      namedStudent = e.code === 'ALREADY_ENROLLED_AS' ? e.problem?.studentId : null;
      lookAlike.hidden = !namedStudent;
      const boxes = e.code === 'MULTIPLE_FACES' && chosenFace === undefined ? e.problem?.faces : null;
      if (Array.isArray(boxes) && boxes.length > 1) {
        container.dataset.state = 'picking';
        showPicker(boxes);
        setHint('');
        error.textContent = '';
        error.hidden = true;
      } else {
        showError(errorText(e));
      }
    } finally {
      useButton.disabled = retakeButton.disabled = differentButton.disabled = pickButton.disabled = false;
    }
  }

  useButton.addEventListener('click', send);
  pickButton.addEventListener('click', send);
  pickerRetake.addEventListener('click', () => {
    hidePicker();
    retakeButton.click();
  });
  differentButton.addEventListener('click', () => {
    differentFrom.push(namedStudent);
    send();
  });

  return { stop: stopCamera };
}
