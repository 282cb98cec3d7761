// Records the head pose Human 3.3.6 (the browser's live check) gives the faces of a few npm sample photos, for
// FaceMeshPoseTest (run once; the result is committed in backend/src/test/resources/face-reference/). Human runs
// with the face settings of frontend/src/face-check.js on the pure-JS tfjs CPU backend bundled in its ESM build.
//
//   java -cp <test classpath> org.rollcall.face.FaceMeshPoseTest /tmp/ref      (writes the photos as raw RGB)
//   node backend/src/test/node/record-human-angles.mjs /tmp/ref backend/src/test/resources/face-reference
//   node backend/src/test/node/record-human-angles.mjs /tmp/ref backend/src/test/resources/face-reference rotation
// (the second with Human's detector.rotation on, for FaceMeshPose's rotate option)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const [inputDir, outputDir, mode] = process.argv.slice(2);
const rotation = mode === 'rotation';
const models = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../models/node_modules');
const webFetch = globalThis.fetch;
globalThis.fetch = async (url, options) => (String(url).startsWith('file://')
  ? new Response(readFileSync(fileURLToPath(String(url)))) : webFetch(url, options));
// The ESM bundle stubs Node's util module; hide Node while it loads (as record-references.mjs does)
const versions = process.versions;
Object.defineProperty(process, 'versions', { value: { ...versions, node: undefined }, configurable: true });
const { Human } = await import(path.join(models, '@vladmandic/human/dist/human.esm.js'));
Object.defineProperty(process, 'versions', { value: versions });
const human = new Human({
  backend: 'cpu', modelBasePath: `file://${path.join(models, '@vladmandic/human/models/')}`, debug: false,
  warmup: 'none', cacheSensitivity: 0, filter: { enabled: false },
  face: {
    enabled: true, detector: { rotation, maxDetected: 3, minConfidence: 0.5 }, mesh: { enabled: true },
    attention: { enabled: false }, iris: { enabled: false }, description: { enabled: false },
    emotion: { enabled: false }, antispoof: { enabled: false }, liveness: { enabled: false },
  },
  body: { enabled: false }, hand: { enabled: false }, object: { enabled: false }, gesture: { enabled: false },
  segmentation: { enabled: false },
});
// tfjs finds no browser or tfjs-node here: give it a minimal platform (as record-references.mjs does)
human.tf.setPlatform('node-plain', {
  fetch: globalThis.fetch, now: () => performance.now(), encode: (s) => new TextEncoder().encode(s),
  decode: (b, e) => new TextDecoder(e).decode(b), isTypedArray: (a) => ArrayBuffer.isView(a) && !(a instanceof DataView),
});
await human.load();
const degrees = (radians) => Number(((radians * 180) / Math.PI).toFixed(3));
const photos = {};
for (const file of readdirSync(inputDir).filter((f) => f.endsWith('.rgb')).sort()) {
  // file names: NAME.jpg[@DEGREES].WIDTHxHEIGHT.rgb
  const [, name, width, height] = file.match(/^(.*)\.(\d+)x(\d+)\.rgb$/);
  const input = human.tf.tensor4d(Float32Array.from(readFileSync(path.join(inputDir, file))), [1, +height, +width, 3]);
  const result = await human.detect(input);
  input.dispose();
  photos[name] = result.face.map((f) => ({
    box: f.box, yaw: degrees(f.rotation.angle.yaw), pitch: degrees(f.rotation.angle.pitch), roll: degrees(f.rotation.angle.roll),
  }));
}
writeFileSync(path.join(outputDir, rotation ? 'human-face-angles-rotation.json' : 'human-face-angles.json'), `${JSON.stringify({
  recordedBy: `backend/src/test/node/record-human-angles.mjs: Human 3.3.6 on the tfjs CPU backend, face-check.js settings, detector.rotation ${rotation}`,
  degrees: photos,
}, null, 1)}\n`);
console.log('recorded', Object.keys(photos));
