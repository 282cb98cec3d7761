// How the faces of a marking read to a teacher (no scores, no field names). Pure functions: unit-tested in
// marking-view.test.js.

/** One line per face, in teacher words. */
export function faceLine(face) {
  const who = face.student ? `${face.student.name} (roll no. ${face.student.rollNo})` : null;
  switch (face.status) {
    case 'MARKED':
      return face.correction === 'ASSIGNED' ? `${who}: marked present by you` : `${who}: marked present`;
    case 'ALREADY_MARKED':
      return `${who}: was already present`;
    case 'KEPT_ABSENT':
      return `${who}: kept absent, as you marked them absent today`;
    default: {
      if (face.correction === 'REJECTED') return 'Not recognised: you said it is not the student it was taken for';
      const maybe = face.needsReview && face.candidates[0] ? face.candidates[0].student : null;
      return maybe ? `Needs a look: could be ${maybe.name} (roll no. ${maybe.rollNo})` : 'Not recognised';
    }
  }
}

/**
 * The faces in three groups: recognised (marked, already present or kept absent), needs a look (unknown but close
 * to a student) and not recognised.
 *
 * @param numbered [{face, number}]
 */
export function faceGroups(numbered) {
  const recognised = numbered.filter(({ face }) => face.status !== 'UNKNOWN');
  const review = numbered.filter(({ face }) => face.status === 'UNKNOWN' && face.needsReview);
  const unknown = numbered.filter(({ face }) => face.status === 'UNKNOWN' && !face.needsReview);
  return [
    { key: 'recognised', title: 'Recognised', faces: recognised },
    { key: 'review', title: 'Needs a look', faces: review },
    { key: 'unknown', title: 'Not recognised', faces: unknown },
  ];
}

function names(students, max = 5) {
  const shown = students.slice(0, max).map((s) => s.name);
  if (students.length > max) shown.push(`${students.length - max} more`);
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * "Present 5 of 8, still absent 3 (Ana, Ben and Cat)". Green only when somebody is present and the latest marking
 * recognised somebody: a photo in which nobody was recognised is not a success.
 */
export function summaryText(roster, present, markings) {
  if (!roster.length) return { text: 'This class has no students yet.', kind: 'info' };
  const here = roster.filter((s) => present.has(s.id));
  const away = roster.filter((s) => !present.has(s.id));
  let text = `Present ${here.length} of ${roster.length}`;
  text += away.length ? `, still absent ${away.length} (${names(away)}).` : ': everyone is here.';
  const last = markings.at(-1);
  const recognisedNobody = last && last.faces.every((f) => f.status === 'UNKNOWN');
  if (recognisedNobody) text += ' Nobody was recognised in the last photos: tap the faces to say who they are.';
  return { text, kind: here.length > 0 && !recognisedNobody ? 'success' : 'info' };
}
