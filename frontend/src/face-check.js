// The in-browser face check: Human's BlazeFace detector + face mesh (which gives yaw/pitch/roll), running on
// TensorFlow.js with the WASM backend. Models and .wasm binaries are served from our own origin (see vite.config.js).
import { judgeFaces } from './face-rules.js';

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

/** Loads Human and its two face models once per page. */
export function loadFaceCheck() {
  loading ??= (async () => {
    const { Human } = await import('@vladmandic/human');
    const human = new Human(humanConfig(chosenBackend()));
    await human.load();
    return human;
  })();
  return loading;
}

const probe = document.createElement('canvas');
probe.width = 16;
probe.height = 16;
const probeContext = probe.getContext('2d', { willReadFrequently: true });

/**
 * Mean luma (0..255) of the middle of the face box (hair and background left out), sampled on a 16×16 thumbnail:
 * cheap enough for every frame.
 */
export function faceBrightness(source, [x, y, width, height]) {
  probeContext.drawImage(source, x + width / 4, y + height / 4, width / 2, height / 2, 0, 0, 16, 16);
  const { data } = probeContext.getImageData(0, 0, 16, 16);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
  return sum / (data.length / 4);
}

/** Runs the check on one frame or still image. */
export async function checkFace(human, source, frame, { still = false } = {}) {
  const result = await human.detect(source);
  const faces = result.face ?? [];
  const brightness = faces.length === 1 ? faceBrightness(source, faces[0].box) : undefined;
  return judgeFaces(faces, frame, brightness, { still });
}

export function backendName(human) {
  return human.tf?.getBackend?.() ?? human.config.backend;
}
