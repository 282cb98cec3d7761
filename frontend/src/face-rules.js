// When is a face good enough to enrol? Pure rules over one detection result, shared by the live camera check and
// the check of a picked file. They mirror the server's enrolment gate (one face, eye distance, pose, light,
// sharpness) so that what the browser accepts the server accepts too. The eye distance and sharpness limits were
// calibrated against the server's own measurements of 134 development photos (see the README).
export const LIMITS = {
  otherFaceRatio: 0.5, // a second face at least half as wide as the largest one counts (the server's rule)
  minInterOcularPx: 37, // server: 36; the browser's measure tracks the server's within a few per cent
  maxFaceShare: 0.9, // face box width as a share of the frame's shorter side (camera only)
  maxYawDeg: 25, // server: 30, but Human reads turned heads as less turned than the server does
  maxPitchDeg: 20,
  maxRollDeg: 18,
  minBrightness: 60, // mean luma (0..255) of the middle of the face; server: 45 on its chip
  minSharpness: 51, // variance of the Laplacian of the face at 128 px; ≈ 3.4 × the server's measure (limit 15)
  minScore: 0.6,
};

export const HINTS = {
  noFace: 'No face found: look at the camera',
  manyFaces: 'Only one face please',
  closer: 'Move closer',
  further: 'Move back a little',
  straight: 'Look straight at the camera',
  level: 'Hold your head level',
  light: 'More light please',
  blurry: 'Hold still: the picture is blurry',
  still: 'Hold still',
  good: 'Perfect, hold still…',
};

const degrees = (radians) => Math.abs((radians * 180) / Math.PI);

/**
 * @param faces Human's face results ({box:[x,y,w,h], score, rotation:{angle:{yaw,pitch,roll}}, interOcular?})
 * @param frame {width, height}
 * @param measures {brightness, sharpness} of the largest face (either may be undefined when not measured)
 * @param still true for a picked photo: a tight crop (passport style) is fine there, while a camera too close cuts
 *              the face off as the head moves
 * @returns {{ok: boolean, hint: string, face?: object}}
 */
export function judgeFaces(faces, frame, { brightness, sharpness } = {}, { still = false } = {}) {
  if (faces.length === 0) return { ok: false, hint: HINTS.noFace };
  const face = faces.reduce((a, b) => (b.box[2] > a.box[2] ? b : a));
  const refuse = (hint) => ({ ok: false, hint, face });
  if (faces.some((other) => other !== face && other.box[2] >= LIMITS.otherFaceRatio * face.box[2])) return refuse(HINTS.manyFaces);
  const width = face.box[2];
  // without a mesh, the eye distance is about 0.3 of Human's face box
  const eyes = face.interOcular ?? 0.3 * width;
  if (eyes < LIMITS.minInterOcularPx) return refuse(HINTS.closer);
  if (!still && width > LIMITS.maxFaceShare * Math.min(frame.width, frame.height)) return refuse(HINTS.further);
  const angle = face.rotation?.angle;
  if (angle) {
    if (degrees(angle.roll) > LIMITS.maxRollDeg) return refuse(HINTS.level);
    if (degrees(angle.yaw) > LIMITS.maxYawDeg || degrees(angle.pitch) > LIMITS.maxPitchDeg) return refuse(HINTS.straight);
  }
  if (brightness !== undefined && brightness < LIMITS.minBrightness) return refuse(HINTS.light);
  if (sharpness !== undefined && sharpness < LIMITS.minSharpness) return refuse(HINTS.blurry);
  if ((face.score ?? 1) < LIMITS.minScore) return refuse(HINTS.still);
  return { ok: true, hint: HINTS.good, face };
}
