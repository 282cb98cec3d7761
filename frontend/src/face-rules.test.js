// node --test: the rules that turn one detection into a hint, with limits from the server's GET /api/face/rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER_LIMITS, browserLimits, HINTS, judgeFaces, MEASURE_SCALE } from './face-rules.js';

// the shape GET /api/face/rules serves (the shipped gate)
const RULES = {
  gate: {
    minInterOcularPx: 36,
    maxYawDeg: 30,
    maxPitchDeg: 30,
    maxRollDeg: 30,
    minSharpness: 15,
    minBrightness: 45,
    otherFaceRatio: 0.5,
  },
  upload: { maxPhotoBytes: 15728640, maxPhotos: 5 },
};
const LIMITS = browserLimits(RULES);
const frame = { width: 640, height: 480 };
const rad = (deg) => (deg * Math.PI) / 180;
const face = ({ width = 200, interOcular = 60, yaw = 0, pitch = 0, roll = 0, score = 0.9 } = {}) => ({
  box: [200, 120, width, width],
  interOcular,
  score,
  rotation: { angle: { yaw: rad(yaw), pitch: rad(pitch), roll: rad(roll) } },
});
const fine = { brightness: 120, sharpness: 400 };
const judge = (faces, measures, options) => judgeFaces(faces, frame, measures, LIMITS, options);

test('the limits are the server’s: yaw, pitch, eye distance and the second-face rule as served, roll, light and sharpness scaled to the browser’s measures', () => {
  assert.equal(LIMITS.maxYawDeg, 30);
  assert.equal(LIMITS.maxPitchDeg, 30);
  assert.equal(LIMITS.maxRollDeg, 30 * MEASURE_SCALE.roll);
  assert.ok(Math.abs(LIMITS.maxRollDeg - 18) < 1e-9);
  assert.equal(LIMITS.otherFaceRatio, 0.5);
  assert.equal(LIMITS.minSharpness, 15 * MEASURE_SCALE.sharpness);
  assert.equal(LIMITS.minBrightness, 45 * MEASURE_SCALE.brightness);
  assert.ok(Math.abs(LIMITS.minBrightness - 60) < 1e-9);
  // the mesh's eye centres measure as dlib's do: the server's eye distance as served
  assert.equal(LIMITS.minInterOcularPx, 36);
  assert.equal(LIMITS.maxFaceShare, BROWSER_LIMITS.maxFaceShare);
  // an operator's stricter gate reaches the browser
  const strict = browserLimits({ gate: { ...RULES.gate, maxYawDeg: 12, minInterOcularPx: 80 } });
  assert.equal(judgeFaces([face({ yaw: 20, interOcular: 100 })], frame, fine, strict).hint, HINTS.straight);
  assert.equal(judgeFaces([face({ yaw: 20 })], frame, fine, LIMITS).ok, true);
  assert.equal(judgeFaces([face({ interOcular: 70 })], frame, fine, strict).hint, HINTS.closer);
});

test('without the server’s limits there is no judgement', () => {
  assert.throws(() => judgeFaces([face()], frame, fine), /limits/);
});

test('a single, large, frontal, well-lit, sharp face is good', () => {
  const one = face();
  assert.deepEqual(judge([one], fine), { ok: true, hint: HINTS.good, face: one });
});

test('no face; a second face counts only when it is at least half as wide as the largest', () => {
  assert.equal(judge([], {}).hint, HINTS.noFace);
  assert.equal(judge([face(), face({ width: 100 })], fine).hint, HINTS.manyFaces);
  assert.equal(judge([face({ width: 40 }), face()], fine).ok, true);
});

test('size: eyes too close together ask to come closer, a face filling the camera to move back', () => {
  assert.equal(judge([face({ interOcular: LIMITS.minInterOcularPx - 1 })], fine).hint, HINTS.closer);
  assert.equal(judge([face({ width: 100, interOcular: null })], fine).hint, HINTS.closer);
  assert.equal(judge([face({ width: 0.95 * 480 })], fine).hint, HINTS.further);
  assert.equal(judge([face({ width: 0.95 * 480 })], fine, { still: true }).ok, true);
});

test('pose: roll asks for a level head, yaw or pitch for a straight look', () => {
  assert.equal(judge([face({ roll: LIMITS.maxRollDeg + 1 })], fine).hint, HINTS.level);
  assert.equal(judge([face({ yaw: -(LIMITS.maxYawDeg + 1) })], fine).hint, HINTS.straight);
  assert.equal(judge([face({ pitch: LIMITS.maxPitchDeg + 1 })], fine).hint, HINTS.straight);
  assert.equal(judge([face({ yaw: LIMITS.maxYawDeg - 1, roll: -(LIMITS.maxRollDeg - 1) })], fine).ok, true);
});

test('light, sharpness and detector confidence', () => {
  assert.equal(judge([face()], { ...fine, brightness: LIMITS.minBrightness - 1 }).hint, HINTS.light);
  assert.equal(judge([face()], { ...fine, sharpness: LIMITS.minSharpness - 1 }).hint, HINTS.blurry);
  assert.equal(judge([face({ score: LIMITS.minScore - 0.1 })], fine).hint, HINTS.still);
});
