// node --test: the rules that turn one detection into a hint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HINTS, judgeFaces, LIMITS } from './face-rules.js';

const frame = { width: 640, height: 480 };
const rad = (deg) => (deg * Math.PI) / 180;
const face = ({ width = 200, yaw = 0, pitch = 0, roll = 0, score = 0.9 } = {}) =>
  ({ box: [200, 120, width, width], score, rotation: { angle: { yaw: rad(yaw), pitch: rad(pitch), roll: rad(roll) } } });

test('a single, large, frontal, well-lit face is good', () => {
  assert.deepEqual(judgeFaces([face()], frame, 120), { ok: true, hint: HINTS.good, face: face() });
});

test('no face and several faces', () => {
  assert.equal(judgeFaces([], frame, undefined).hint, HINTS.noFace);
  assert.equal(judgeFaces([face(), face()], frame, 120).hint, HINTS.manyFaces);
});

test('size: too small asks to come closer, too big to move back', () => {
  assert.equal(judgeFaces([face({ width: LIMITS.minFacePixels - 1 })], frame, 120).hint, HINTS.closer);
  assert.equal(judgeFaces([face({ width: 0.2 * 480 })], frame, 120).hint, HINTS.closer);
  assert.equal(judgeFaces([face({ width: 0.95 * 480 })], frame, 120).hint, HINTS.further);
  assert.equal(judgeFaces([face({ width: 0.95 * 480 })], frame, 120, { still: true }).ok, true);
});

test('pose: roll asks for a level head, yaw or pitch for a straight look', () => {
  assert.equal(judgeFaces([face({ roll: LIMITS.maxRollDeg + 1 })], frame, 120).hint, HINTS.level);
  assert.equal(judgeFaces([face({ yaw: -(LIMITS.maxYawDeg + 1) })], frame, 120).hint, HINTS.straight);
  assert.equal(judgeFaces([face({ pitch: LIMITS.maxPitchDeg + 1 })], frame, 120).hint, HINTS.straight);
  assert.equal(judgeFaces([face({ yaw: LIMITS.maxYawDeg - 1, roll: -(LIMITS.maxRollDeg - 1) })], frame, 120).ok, true);
});

test('light and detector confidence', () => {
  assert.equal(judgeFaces([face()], frame, LIMITS.minBrightness - 1).hint, HINTS.light);
  assert.equal(judgeFaces([face({ score: LIMITS.minScore - 0.1 })], frame, 120).hint, HINTS.still);
});
