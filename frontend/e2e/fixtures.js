// Test inputs. Photos come from the npm packages pinned in models/package.json, never from the repository.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const MODELS_NODE_MODULES = resolve(import.meta.dirname, '../../models/node_modules');
/** @vladmandic/face-api's demo photo: three women at a party, 1920×1280. */
export const GROUP_PHOTO = join(MODELS_NODE_MODULES, '@vladmandic/face-api/demo/sample1.jpg');
/** The woman on the left of GROUP_PHOTO (looking at the camera), cut with margin to a 4:3 frame. */
export const ENROLLED_FACE = { x: 228, y: 247, width: 600, height: 450 };

// One folder per test run, so runs on the same machine never share files: the runner sets the id when it first
// reads this module and its workers inherit the environment.
process.env.ROLLCALL_E2E_RUN ??= String(process.pid);
/** Shared by the global setup (which writes them) and the tests (which hand them to Chromium). */
export const WORK_DIR = join(tmpdir(), `rollcall-e2e-${process.env.ROLLCALL_E2E_RUN}`);
export const CAMERAS = {
  face: join(WORK_DIR, 'face.y4m'),
  tilted: join(WORK_DIR, 'tilted.y4m'),
  empty: join(WORK_DIR, 'empty.y4m'),
};
/** GROUP_PHOTO at twice its size, stored on its side with EXIF orientation 6, as phones write portrait shots. */
export const PHONE_PHOTO = join(WORK_DIR, 'phone-photo-exif6.jpg');
/** The enrolled face cut from GROUP_PHOTO as a portrait JPEG, for enrolment by file. */
export const FACE_PHOTO = join(WORK_DIR, 'face-portrait.jpg');
