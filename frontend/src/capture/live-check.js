// The live alignment check: the face check on every camera frame, the face box drawn over the preview, the hint for
// the teacher, and the moment the face has been good long enough to take the photo.
import { checkFace } from '../face-check.js';

/** Consecutive good frames before the photo is taken: about half a second at 15 fps. */
const GOOD_FRAMES_TO_CAPTURE = 8;

function drawBox(overlay, video, verdict) {
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

/**
 * Checks frame after frame of the camera's session: resolves true once GOOD_FRAMES_TO_CAPTURE frames in a row pass,
 * false when the session ends first. `onHint(text)` gets every frame's hint, `onRate(fps, frameSize)` the frame rate
 * once a second.
 * @param check the face check (loadFaceCheck)
 * @param camera {video, overlay} of createCamera
 * @param session the camera session (camera.start)
 */
export async function waitForGoodFace(check, { video, overlay }, session, { onHint, onRate }) {
  let streak = 0;
  let frames = 0;
  let windowStart = performance.now();
  while (session.live()) {
    const frame = { width: video.videoWidth, height: video.videoHeight };
    const verdict = await checkFace(check, video, frame);
    if (!session.live()) break;
    drawBox(overlay, video, verdict);
    streak = verdict.ok ? streak + 1 : 0;
    onHint(verdict.hint);
    frames += 1;
    const elapsed = performance.now() - windowStart;
    if (elapsed >= 1000) {
      onRate(((frames * 1000) / elapsed).toFixed(1), `${frame.width}x${frame.height}`);
      frames = 0;
      windowStart = performance.now();
    }
    if (streak >= GOOD_FRAMES_TO_CAPTURE) return true;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return false;
}
