// Records the reference outputs the converted face models are tested against (run once; results are committed in
// backend/src/test/resources/face-reference/). Uses the original implementations from the pinned npm packages:
// Human's BlazeFace TFJS graph model and face-api's ResNet (its uint8 copy of dlib's network), both on the pure-JS
// tfjs CPU backend that @vladmandic/face-api bundles (@tensorflow/tfjs-node cannot fetch its native binary here).
//
//   java -cp <test classpath> org.rollcall.face.ReferenceInputs /tmp/ref      (writes the raw RGB inputs)
//   node backend/src/test/node/record-references.mjs /tmp/ref backend/src/test/resources/face-reference
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const [inputDir, outputDir] = process.argv.slice(2);
const models = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../models/node_modules');

// The ESM bundle stubs Node's util module; hide Node while it loads and give tfjs a minimal platform instead.
const versions = process.versions;
Object.defineProperty(process, 'versions', { value: { ...versions, node: undefined }, configurable: true });
const faceapi = await import(path.join(models, '@vladmandic/face-api/dist/face-api.esm.js'));
Object.defineProperty(process, 'versions', { value: versions });
const tf = faceapi.tf;
tf.setPlatform('node-plain', {
  fetch, now: () => performance.now(), encode: (s) => new TextEncoder().encode(s),
  decode: (b, e) => new TextDecoder(e).decode(b), isTypedArray: (a) => ArrayBuffer.isView(a) && !(a instanceof DataView),
});
// face-api's own environment (canvas, images) is not needed for tensor inputs: stubs satisfy its checks
class Stub {}
faceapi.env.setEnv({
  Canvas: Stub, CanvasRenderingContext2D: Stub, Image: Stub, ImageData: Stub, Video: Stub,
  createCanvasElement: () => { throw new Error('no canvas'); }, createImageElement: () => { throw new Error('no image'); },
  fetch, readFile: async (p) => readFileSync(p),
});
await tf.setBackend('cpu');
await tf.ready();
mkdirSync(outputDir, { recursive: true });
const round = (v, d) => Number(v.toFixed(d));

// BlazeFace: input 256x256 RGB scaled to [-1, 1], NHWC
{
  const dir = path.join(models, '@vladmandic/human/models');
  const json = JSON.parse(readFileSync(path.join(dir, 'blazeface.json'), 'utf8'));
  const bin = readFileSync(path.join(dir, 'blazeface.bin'));
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  }));
  const rgb = readFileSync(path.join(inputDir, 'blazeface-input.rgb'));
  const input = tf.tidy(() => tf.tensor4d(Float32Array.from(rgb), [1, 256, 256, 3]).div(127.5).sub(1));
  const names = ['Identity:0', 'Identity_1:0', 'Identity_2:0', 'Identity_3:0'];
  const [s16, s8, r16, r8] = (model.execute(input, names)).map((t) => t.dataSync());
  const logits = [...s16, ...s8];
  const regressors = (i) => (i < 512 ? Array.from(r16.slice(i * 16, i * 16 + 16)) : Array.from(r8.slice((i - 512) * 16, (i - 511) * 16)));
  const top = logits.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).slice(0, 10).map(([, i]) => i);
  writeFileSync(path.join(outputDir, 'blazeface.json'), JSON.stringify({
    input: 'ReferenceInputs.blazeFaceRgb()',
    logits: logits.map((v) => round(v, 5)),
    top: top.map((i) => ({ anchor: i, regressors: regressors(i).map((v) => round(v, 4)) })),
  }));
}

// face-api's ResNet (uint8-quantised dlib weights): input 150x150 RGB 0..255, raw 128-d descriptor
{
  const dir = path.join(models, '@vladmandic/face-api/model');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'face_recognition_model-weights_manifest.json'), 'utf8'));
  const bin = readFileSync(path.join(dir, manifest[0].paths[0]));
  const weights = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), manifest[0].weights);
  await faceapi.nets.faceRecognitionNet.loadFromWeightMap(weights);
  const rgb = readFileSync(path.join(inputDir, 'resnet-input.rgb'));
  const input = tf.tensor3d(Int32Array.from(rgb), [150, 150, 3], 'int32');
  const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input);
  writeFileSync(path.join(outputDir, 'resnet-face-api.json'), JSON.stringify({
    input: 'ReferenceInputs.resnetRgb()', descriptor: Array.from(descriptor).map((v) => round(v, 6)),
  }));
}
console.log('recorded', outputDir);
