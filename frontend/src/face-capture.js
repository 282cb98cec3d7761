// The enrolment photo widget: live camera with the face check and auto-capture (capture/camera.js,
// capture/live-check.js), or a picked file that goes through the same check (capture/photo-file.js). The teacher
// confirms the still before it is sent; a refusal may offer to confirm a look-alike or to choose the student's face
// among several (capture/face-picker.js).
import { createCamera } from './capture/camera.js';
import { createFacePicker } from './capture/face-picker.js';
import { waitForGoodFace } from './capture/live-check.js';
import { checkPhotoFile, createFileChoice } from './capture/photo-file.js';
import { backendName, loadFaceCheck } from './face-check.js';
import { HINTS } from './face-rules.js';
import { canvasToJpeg } from './images.js';
import { h } from './ui/dom.js';
import { errorText } from './ui/feedback.js';

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
  const camera = createCamera();
  const hint = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const cameraButton = h('button', { type: 'button', class: 'primary' }, 'Use the camera');
  const file = createFileChoice(`${container.id}-file`, checkFile);
  const choice = h(
    'div',
    { class: 'actions capture-choice' },
    cameraButton,
    camera.switchButton,
    file.input,
    file.label,
  );
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
  const picker = createFacePicker(container.id, {
    onChoose: (i) => {
      chosenFace = i;
      picker.hide();
      // the photo stays in view (with Retake) while it is sent for this face
      review.hidden = false;
      useButton.hidden = true;
      setHint(`Sending face ${i + 1}…`);
      send();
    },
    onRetake: () => retakeButton.click(),
  });
  container.classList.add('capture');
  container.replaceChildren(choice, camera.stage, hint, review, pickButton, error, lookAlike, picker.element);

  let photo = null;
  let source = 'camera';
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

  function setHint(text) {
    if (hint.textContent !== text) hint.textContent = text; // unchanged text is not re-announced
  }

  async function startCamera() {
    if (camera.running()) return;
    showError('');
    review.hidden = true;
    source = 'camera';
    setHint('Starting the camera…');
    let session;
    try {
      session = await camera.start();
    } catch (e) {
      setHint('');
      showError(errorText(e));
      return;
    }
    setHint('Loading the face check…');
    let check;
    try {
      check = await loadFaceCheck();
    } catch (e) {
      if (session.live()) {
        camera.stop();
        setHint('');
        showError(errorText(e));
      }
      return;
    }
    container.dataset.backend = backendName(check);
    if (!session.live()) return; // stopped or switched meanwhile
    const good = await waitForGoodFace(check, camera, session, {
      onHint: setHint,
      onRate: (fps, frameSize) => Object.assign(container.dataset, { fps, frameSize }),
    });
    if (good) showReview(await canvasToJpeg(camera.takePhoto()), 'Photo taken. Use it, or retake it.');
  }

  function showReview(blob, text) {
    photo = blob;
    differentFrom = [];
    chosenFace = undefined;
    lookAlike.hidden = true;
    pickButton.hidden = true;
    picker.hide();
    URL.revokeObjectURL(still.src);
    still.src = URL.createObjectURL(blob);
    review.hidden = false;
    useButton.hidden = false;
    retakeButton.textContent = source === 'camera' ? 'Retake' : 'Choose another photo';
    setHint(text);
    container.dataset.state = 'review';
    useButton.focus();
  }

  async function checkFile(picked) {
    camera.stop();
    showError('');
    source = 'file';
    container.dataset.state = 'checking';
    setHint('Checking the photo…');
    try {
      const { blob, verdict } = await checkPhotoFile(picked);
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
  camera.switchButton.addEventListener('click', () => {
    camera.switchFacing();
    startCamera();
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
      file.input.focus();
      file.input.click();
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
        review.hidden = true;
        pickButton.hidden = true;
        picker.show(still.src, boxes);
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
  differentButton.addEventListener('click', () => {
    differentFrom.push(namedStudent);
    send();
  });

  return { stop: camera.stop };
}
