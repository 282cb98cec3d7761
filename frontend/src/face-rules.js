// When is a face good enough to enrol? Pure rules over one detection result, shared by the live camera check and
// the check of a picked file. The limits are the server's own enrolment gate, served by GET /api/face/rules (one
// face, eye distance, pose, light, sharpness), so that what the browser accepts the server accepts too. The server
// judges yaw and pitch with the same model and arithmetic as Human here (its face mesh), so those limits are the
// server's as they are, and so is the eye distance (the mesh's eye centres track dlib's within a few per cent either
// way; a 3 % margin made the browser refuse four development photos the server accepts, for one fewer it accepts and
// the server then refuses); roll, light and sharpness are measured differently here, so those limits are converted by
// the factors below.

/**
 * How the browser's measures relate to the server's, calibrated on the server's own measurements of 134
 * development photos (see the README):
 * - brightness: the mean luma of the middle of Human's face box (other pixels than the server's aligned chip, and
 *   the browser's own JPEG decoding) read about a third higher than the server's measure (server limit 45 ↔ 60).
 * - sharpness: the variance of the Laplacian of the face box at 128 px is about 3.4 times the server's measure on
 *   its 150-px chip (server limit 15 ↔ 51 here).
 * - roll: the server measures the head's lean on dlib's eye points, which follow any tilt. Human's face mesh (run
 *   without turning the crop upright, see face-check.js) reads low: the e2e tests' student tilted by 10, 20, 30 and
 *   40° reads 5, 11, 18 and 22°, and no more beyond (20° at 50°). 0.6 maps the server's 30° to 18° here.
 */
export const MEASURE_SCALE = { brightness: 60 / 45, sharpness: 3.4, roll: 0.6 };

/** Rules of the browser's own, which the server has no counterpart for. */
export const BROWSER_LIMITS = {
  maxFaceShare: 0.9, // face box width as a share of the frame's shorter side (camera only)
  minScore: 0.6, // Human's face confidence: a lower one is a blurred or half-seen face, wait for a better frame
};

/** The limits judgeFaces applies, from the server's rules ({gate: {...}, upload: {...}} of GET /api/face/rules). */
export function browserLimits({ gate }) {
  return {
    otherFaceRatio: gate.otherFaceRatio,
    minInterOcularPx: gate.minInterOcularPx,
    maxYawDeg: gate.maxYawDeg,
    maxPitchDeg: gate.maxPitchDeg,
    maxRollDeg: gate.maxRollDeg * MEASURE_SCALE.roll,
    minBrightness: gate.minBrightness * MEASURE_SCALE.brightness,
    minSharpness: gate.minSharpness * MEASURE_SCALE.sharpness,
    ...BROWSER_LIMITS,
  };
}

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
 * @param limits browserLimits(the server's rules)
 * @param still true for a picked photo: a tight crop (passport style) is fine there, while a camera too close cuts
 *              the face off as the head moves
 * @returns {{ok: boolean, hint: string, face?: object}}
 */
export function judgeFaces(faces, frame, { brightness, sharpness } = {}, limits, { still = false } = {}) {
  if (!limits) throw new Error('judgeFaces needs the server’s limits (browserLimits)');
  if (faces.length === 0) return { ok: false, hint: HINTS.noFace };
  const face = faces.reduce((a, b) => (b.box[2] > a.box[2] ? b : a));
  const refuse = (hint) => ({ ok: false, hint, face });
  if (faces.some((other) => other !== face && other.box[2] >= limits.otherFaceRatio * face.box[2]))
    return refuse(HINTS.manyFaces);
  const width = face.box[2];
  // without a mesh, the eye distance is about 0.3 of Human's face box
  const eyes = face.interOcular ?? 0.3 * width;
  if (eyes < limits.minInterOcularPx) return refuse(HINTS.closer);
  if (!still && width > limits.maxFaceShare * Math.min(frame.width, frame.height)) return refuse(HINTS.further);
  const angle = face.rotation?.angle;
  if (angle) {
    if (degrees(angle.roll) > limits.maxRollDeg) return refuse(HINTS.level);
    if (degrees(angle.yaw) > limits.maxYawDeg || degrees(angle.pitch) > limits.maxPitchDeg)
      return refuse(HINTS.straight);
  }
  if (brightness !== undefined && brightness < limits.minBrightness) return refuse(HINTS.light);
  if (sharpness !== undefined && sharpness < limits.minSharpness) return refuse(HINTS.blurry);
  if ((face.score ?? 1) < limits.minScore) return refuse(HINTS.still);
  return { ok: true, hint: HINTS.good, face };
}
