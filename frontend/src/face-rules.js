// When is a face good enough to enrol? Pure rules over one detection result, shared by the live camera check and
// the check of a picked file. The limits are a little stricter than the server's so a photo the browser accepts is
// one the server accepts too.
export const LIMITS = {
  minFaceShare: 0.22, // face box width as a share of the frame's shorter side
  minFacePixels: 110,
  maxFaceShare: 0.9,
  maxYawDeg: 25,
  maxPitchDeg: 20,
  maxRollDeg: 15,
  minBrightness: 60, // mean luma (0..255) of the middle of the face
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
  still: 'Hold still',
  good: 'Perfect, hold still…',
};

const degrees = (radians) => Math.abs((radians * 180) / Math.PI);

/**
 * @param faces Human's face results ({box:[x,y,w,h], score, rotation:{angle:{yaw,pitch,roll}}})
 * @param frame {width, height}
 * @param brightness mean luma of the face region, or undefined when not measured
 * @param still true for a picked photo: a tight crop (passport style) is fine there, while a camera too close cuts
 *              the face off as the head moves
 * @returns {{ok: boolean, hint: string, face?: object}}
 */
export function judgeFaces(faces, frame, brightness, { still = false } = {}) {
  if (faces.length === 0) return { ok: false, hint: HINTS.noFace };
  if (faces.length > 1) return { ok: false, hint: HINTS.manyFaces };
  const [face] = faces;
  const [, , width] = face.box;
  const shorter = Math.min(frame.width, frame.height);
  if (width < LIMITS.minFacePixels || width < LIMITS.minFaceShare * shorter) return { ok: false, hint: HINTS.closer, face };
  if (!still && width > LIMITS.maxFaceShare * shorter) return { ok: false, hint: HINTS.further, face };
  const angle = face.rotation?.angle;
  if (angle) {
    if (degrees(angle.roll) > LIMITS.maxRollDeg) return { ok: false, hint: HINTS.level, face };
    if (degrees(angle.yaw) > LIMITS.maxYawDeg || degrees(angle.pitch) > LIMITS.maxPitchDeg) return { ok: false, hint: HINTS.straight, face };
  }
  if (brightness !== undefined && brightness < LIMITS.minBrightness) return { ok: false, hint: HINTS.light, face };
  if ((face.score ?? 1) < LIMITS.minScore) return { ok: false, hint: HINTS.still, face };
  return { ok: true, hint: HINTS.good, face };
}
