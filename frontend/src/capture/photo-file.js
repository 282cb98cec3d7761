// A photo the teacher picks instead of using the camera: turned upright, made small enough to send, and judged by
// the same face check as the camera's frames (as a still, where a tight passport-style crop is fine).
import { checkFace, loadFaceCheck } from '../face-check.js';
import { canvasToJpeg, loadUpright } from '../images.js';
import { h } from '../ui/dom.js';

const MAX_UPLOAD_SIDE = 1600;

/** "Choose a photo": a file input behind a label that looks like a button; `onFile(file)` for each pick. */
export function createFileChoice(id, onFile) {
  const input = h('input', { type: 'file', accept: 'image/*', id, class: 'file-input' });
  const label = h('label', { for: id, class: 'button secondary' }, 'Choose a photo');
  input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = ''; // the same file may be picked again after a refusal
    if (file) onFile(file);
  });
  return { input, label };
}

/** The picked photo as the JPEG to send ({blob}), with the face check's verdict on it. */
export async function checkPhotoFile(file) {
  const canvas = await loadUpright(file, MAX_UPLOAD_SIDE);
  const check = await loadFaceCheck();
  const verdict = await checkFace(check, canvas, canvas, { still: true });
  return { blob: await canvasToJpeg(canvas), verdict };
}
