// The enrolment camera: the front camera on a laptop (shown like a mirror), the back one on a phone when the teacher
// switches, with an overlay canvas for the face box. Each start is a new session; stopping or switching ends it, so
// that a check loop still running for the old session stops.
import { h } from '../ui/dom.js';

export class CameraUnavailable extends Error {
  constructor() {
    super('The camera could not be started. Allow camera access in the browser, or choose a photo instead.');
    this.name = 'CameraUnavailable';
    this.forTeacher = true;
  }
}

export function createCamera() {
  const video = h('video', { playsinline: true, muted: true, 'aria-label': 'Camera preview' });
  const overlay = h('canvas', { class: 'overlay', 'aria-hidden': 'true' });
  const stage = h('div', { class: 'stage', hidden: true }, video, overlay);
  const switchButton = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Switch camera');
  let stream = null;
  let session = 0;
  let facing = 'user';

  function stop() {
    session += 1;
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
    stage.hidden = true;
    switchButton.hidden = true;
  }

  /**
   * Starts the preview and resolves to its session, whose `live()` stays true until the camera is stopped or
   * switched; throws CameraUnavailable when the browser (or the teacher) refuses the camera.
   */
  async function start() {
    const mine = session;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: facing },
        audio: false,
      });
    } catch {
      throw new CameraUnavailable();
    }
    video.srcObject = stream;
    await video.play();
    stage.classList.toggle('mirrored', facing === 'user'); // a selfie view moves like a mirror
    stage.hidden = false;
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    switchButton.hidden = cameras.length < 2;
    return { live: () => mine === session };
  }

  /** Stops the camera; the next start uses the other one (front or back). */
  function switchFacing() {
    stop();
    facing = facing === 'user' ? 'environment' : 'user';
  }

  /** The current frame as a canvas; the camera stops. */
  function takePhoto() {
    const canvas = h('canvas', { width: video.videoWidth, height: video.videoHeight });
    canvas.getContext('2d').drawImage(video, 0, 0);
    stop();
    return canvas;
  }

  return { video, overlay, stage, switchButton, start, stop, switchFacing, takePhoto, running: () => stream !== null };
}
