// The in-browser face check: Human's BlazeFace detector + face mesh (which gives yaw/pitch/roll), running on
// TensorFlow.js with the WASM backend. Models and .wasm binaries are served from our own origin (see vite.config.js).
// The limits are the server's (GET /api/face/rules), fetched once per page with the models.
import { api } from './api.js';
import { browserLimits, judgeFaces } from './face-rules.js';

const BACKENDS = ['wasm', 'webgl'];

function humanConfig(backend) {
  return {
    backend,
    wasmPath: '/models/wasm/',
    modelBasePath: '/models/',
    cacheModels: false,
    debug: false,
    warmup: 'none',
    // every frame is analysed afresh: a cached result would keep showing the hint for a face that has moved
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: true,
      // no rotation: Human would turn the crop by BlazeFace's mouth-to-nose line, which leans on any turned head
      // and then shifts the yaw by up to 9° (a face and its mirror image disagree). Without it the roll reads low
      // (a head tilted 30° reads about 18°, 40° about 22°): face-rules.js scales the served roll limit. The server's
      // FaceMeshPose measures yaw and pitch the same way.
      detector: { rotation: false, maxDetected: 3, minConfidence: 0.5 },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  };
}

/** `?tf=webgl` on the page URL switches the TFJS backend (used to compare speed); WASM is the default. */
function chosenBackend() {
  const asked = new URLSearchParams(location.search).get('tf');
  return BACKENDS.includes(asked) ? asked : 'wasm';
}

let loading;

/**
 * Loads Human with its two face models and the server's enrolment rules, once per page: {human, limits, rules}.
 * A failure (no network, models missing) is not kept, so that the next attempt tries again.
 */
export function loadFaceCheck() {
  loading ??= (async () => {
    const rulesRequest = api('/api/face/rules');
    const { Human } = await import('@vladmandic/human');
    const human = new Human(humanConfig(chosenBackend()));
    const [rules] = await Promise.all([rulesRequest, human.load()]);
    return { human, rules, limits: browserLimits(rules) };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const SIDE = 128;
const probe = document.createElement('canvas');
probe.width = SIDE;
probe.height = SIDE;
const probeContext = probe.getContext('2d', { willReadFrequently: true });

/**
 * Brightness and sharpness of a face, measured like the server's enrolment gate does on its aligned chip: the face
 * box is resampled to 128×128 grey levels; brightness is the mean luma of its middle, sharpness the variance of the
 * Laplacian over its inner part. Cheap enough for every frame.
 */
export function measureFace(source, [x, y, width, height]) {
  probeContext.drawImage(source, x, y, width, height, 0, 0, SIDE, SIDE);
  const { data } = probeContext.getImageData(0, 0, SIDE, SIDE);
  const luma = new Float32Array(SIDE * SIDE);
  for (let i = 0; i < luma.length; i++)
    luma[i] = 0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2];
  let lightSum = 0;
  let lightCount = 0;
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let row = SIDE / 8; row < (SIDE * 7) / 8; row++) {
    for (let col = SIDE / 8; col < (SIDE * 7) / 8; col++) {
      const i = row * SIDE + col;
      const laplacian = luma[i - 1] + luma[i + 1] + luma[i - SIDE] + luma[i + SIDE] - 4 * luma[i];
      sum += laplacian;
      sumSquares += laplacian * laplacian;
      count += 1;
      if (row >= SIDE / 4 && row < (SIDE * 3) / 4 && col >= SIDE / 4 && col < (SIDE * 3) / 4) {
        lightSum += luma[i];
        lightCount += 1;
      }
    }
  }
  const mean = sum / count;
  return { brightness: lightSum / lightCount, sharpness: sumSquares / count - mean * mean };
}

/** Distance between the eye centres in pixels, from Human's face mesh (the server's FACE_TOO_SMALL measure). */
export function interOcular(face) {
  const eye = (side) => {
    const points = [
      ...(face.annotations?.[`${side}EyeUpper0`] ?? []),
      ...(face.annotations?.[`${side}EyeLower0`] ?? []),
    ];
    if (!points.length) return null;
    return [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
  };
  const left = eye('left');
  const right = eye('right');
  return left && right ? Math.hypot(left[0] - right[0], left[1] - right[1]) : undefined;
}

/** Runs the check (from loadFaceCheck) on one frame or still image. */
export async function checkFace({ human, limits }, source, frame, { still = false } = {}) {
  const result = await human.detect(source);
  const faces = (result.face ?? []).map((face) => ({ ...face, interOcular: interOcular(face) }));
  const largest = faces.reduce((a, b) => (b.box[2] > (a?.box[2] ?? 0) ? b : a), null);
  const measures = largest ? measureFace(source, largest.box) : {};
  return judgeFaces(faces, frame, measures, limits, { still });
}

export function backendName({ human }) {
  return human.tf?.getBackend?.() ?? human.config.backend;
}
