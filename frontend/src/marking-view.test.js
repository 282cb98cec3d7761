import { test } from 'node:test';
import assert from 'node:assert/strict';
import { faceGroups, faceLine, summaryText } from './marking-view.js';

const ana = { id: 'a', name: 'Ana', rollNo: '1' };
const ben = { id: 'b', name: 'Ben', rollNo: '2' };
const cat = { id: 'c', name: 'Cat', rollNo: '3' };
const face = (status, extra = {}) => ({
  faceId: Math.random().toString(),
  status,
  student: null,
  candidates: [],
  needsReview: false,
  correction: null,
  ...extra,
});

test('faces read in teacher words, never with a score', () => {
  assert.equal(faceLine(face('MARKED', { student: ana })), 'Ana (roll no. 1): marked present');
  assert.equal(
    faceLine(face('MARKED', { student: ana, correction: 'ASSIGNED' })),
    'Ana (roll no. 1): marked present by you',
  );
  assert.equal(
    faceLine(face('KEPT_ABSENT', { student: ben })),
    'Ben (roll no. 2): kept absent, as you marked them absent today',
  );
  assert.equal(
    faceLine(face('UNKNOWN', { needsReview: true, candidates: [{ student: cat, score: 0.93 }] })),
    'Needs a look: could be Cat (roll no. 3)',
  );
  assert.equal(faceLine(face('UNKNOWN', { candidates: [{ student: cat, score: 0.5 }] })), 'Not recognised');
  assert.doesNotMatch(
    faceLine(face('UNKNOWN', { needsReview: true, candidates: [{ student: cat, score: 0.93 }] })),
    /0\.9/,
  );
});

test('faces are grouped: recognised, needs a look, not recognised', () => {
  const numbered = [
    face('MARKED', { student: ana }),
    face('UNKNOWN'),
    face('UNKNOWN', { needsReview: true, candidates: [{ student: cat }] }),
    face('KEPT_ABSENT', { student: ben }),
  ].map((f, i) => ({ face: f, number: i + 1 }));
  const groups = faceGroups(numbered);
  assert.deepEqual(
    groups.map((g) => g.faces.map((f) => f.number)),
    [[1, 4], [3], [2]],
  );
});

test('the summary names who is still absent and is not green when nobody was recognised', () => {
  const roster = [ana, ben, cat];
  const ok = summaryText(roster, new Set(['a']), [{ faces: [face('MARKED', { student: ana })] }]);
  assert.equal(ok.text, 'Present 1 of 3, still absent 2 (Ben and Cat).');
  assert.equal(ok.kind, 'success');
  const nobody = summaryText(roster, new Set(), [{ faces: [face('UNKNOWN'), face('UNKNOWN')] }]);
  assert.equal(nobody.kind, 'info');
  assert.match(nobody.text, /^Present 0 of 3, still absent 3 \(Ana, Ben and Cat\)\. Nobody was recognised/);
  assert.equal(summaryText(roster, new Set(['a', 'b', 'c']), []).text, 'Present 3 of 3: everyone is here.');
});
