// The benchmarks serve the built pages without a backend: they answer GET /api/face/rules themselves, with what the
// server serves under the shipped settings (the properties file the jar is built from).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const PROPERTIES = resolve(
  import.meta.dirname,
  '../../backend/src/main/resources/org/rollcall/face/face-defaults.properties',
);

/** The gate as GET /api/face/rules serves it with the shipped settings (the properties the jar was built from). */
export function shippedRules() {
  const text = readFileSync(PROPERTIES, 'utf8');
  const value = (key) => {
    const match = text.match(new RegExp(`^rollcall\\.face\\.${key}\\s*=\\s*(\\S+)`, 'm'));
    if (!match) throw new Error(`rollcall.face.${key} missing from face-defaults.properties`);
    return Number(match[1]);
  };
  return {
    gate: {
      minInterOcularPx: value('enrol-min-inter-ocular-px'),
      maxYawDeg: value('enrol-max-yaw-deg'),
      maxPitchDeg: value('enrol-max-pitch-deg'),
      maxRollDeg: value('enrol-max-roll-deg'),
      minSharpness: value('enrol-min-sharpness'),
      minBrightness: value('enrol-min-brightness'),
      otherFaceRatio: value('enrol-other-face-ratio'),
    },
    upload: { maxPhotoBytes: value('max-image-bytes'), maxPhotos: 5 }, // rollcall.students.max-photos (application.yml)
  };
}
