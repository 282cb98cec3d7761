// node --test: the rules that turn one detection into a hint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HINTS, judgeFaces, LIMITS } from './face-rules.js';

const frame = { width: 640, height: 480 };
const rad = (deg) => (deg * Math.PI) / 180;
const face = ({ width = 200, interOcular = 60, yaw = 0, pitch = 0, roll = 0, score = 0.9 } = {}) =>
  ({ box: [200, 120, width, width], interOcular, score, rotation: { angle: { yaw: rad(yaw), pitch: rad(pitch), roll: rad(roll) } } });
const fine = { brightness: 120, sharpness: 400 };

test('a single, large, frontal, well-lit, sharp face is good', () => {
  const one = face();
  assert.deepEqual(judgeFaces([one], frame, fine), { ok: true, hint: HINTS.good, face: one });
});

test('no face; a second face counts only when it is at least half as wide as the largest', () => {
  assert.equal(judgeFaces([], frame, {}).hint, HINTS.noFace);
  assert.equal(judgeFaces([face(), face({ width: 100 })], frame, fine).hint, HINTS.manyFaces);
  assert.equal(judgeFaces([face({ width: 40 }), face()], frame, fine).ok, true);
});

test('size: eyes too close together ask to come closer, a face filling the camera to move back', () => {
  assert.equal(judgeFaces([face({ interOcular: LIMITS.minInterOcularPx - 1 })], frame, fine).hint, HINTS.closer);
  assert.equal(judgeFaces([face({ width: 100, interOcular: null })], frame, fine).hint, HINTS.closer);
  assert.equal(judgeFaces([face({ width: 0.95 * 480 })], frame, fine).hint, HINTS.further);
  assert.equal(judgeFaces([face({ width: 0.95 * 480 })], frame, fine, { still: true }).ok, true);
});

test('pose: roll asks for a level head, yaw or pitch for a straight look', () => {
  assert.equal(judgeFaces([face({ roll: LIMITS.maxRollDeg + 1 })], frame, fine).hint, HINTS.level);
  assert.equal(judgeFaces([face({ yaw: -(LIMITS.maxYawDeg + 1) })], frame, fine).hint, HINTS.straight);
  assert.equal(judgeFaces([face({ pitch: LIMITS.maxPitchDeg + 1 })], frame, fine).hint, HINTS.straight);
  assert.equal(judgeFaces([face({ yaw: LIMITS.maxYawDeg - 1, roll: -(LIMITS.maxRollDeg - 1) })], frame, fine).ok, true);
});

test('light, sharpness and detector confidence', () => {
  assert.equal(judgeFaces([face()], frame, { ...fine, brightness: LIMITS.minBrightness - 1 }).hint, HINTS.light);
  assert.equal(judgeFaces([face()], frame, { ...fine, sharpness: LIMITS.minSharpness - 1 }).hint, HINTS.blurry);
  assert.equal(judgeFaces([face({ score: LIMITS.minScore - 0.1 })], frame, fine).hint, HINTS.still);
});
