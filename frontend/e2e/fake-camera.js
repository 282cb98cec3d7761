// Makes the .y4m files Chromium plays as a fake camera (--use-file-for-fake-video-capture). The frames are cut from
// a real group photo shipped in an npm package; Chromium itself decodes the JPEG and draws the frames, Node writes
// raw YUV 4:2:0.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM, GROUP_PHOTO, ENROLLED_FACE } from './fixtures.js';

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 10;

/** scenes: {name: {x, y, width, height, rotateDeg}} crops of the photo (in its pixels) scaled to 640×480 */
async function renderFrames(scenes) {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    const dataUrl = `data:image/jpeg;base64,${readFileSync(GROUP_PHOTO).toString('base64')}`;
    return await page.evaluate(async ({ dataUrl, scenes, WIDTH, HEIGHT }) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const out = {};
      for (const [name, s] of Object.entries(scenes)) {
        const canvas = new OffscreenCanvas(WIDTH, HEIGHT);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#808080';
        ctx.fillRect(0, 0, WIDTH, HEIGHT);
        ctx.translate(WIDTH / 2, HEIGHT / 2);
        ctx.rotate(((s.rotateDeg ?? 0) * Math.PI) / 180);
        ctx.translate(-WIDTH / 2, -HEIGHT / 2);
        ctx.drawImage(img, s.x, s.y, s.width, s.height, 0, 0, WIDTH, HEIGHT);
        out[name] = Array.from(ctx.getImageData(0, 0, WIDTH, HEIGHT).data);
      }
      return out;
    }, { dataUrl, scenes, WIDTH, HEIGHT });
  } finally {
    await browser.close();
  }
}

/** RGBA → planar YUV 4:2:0 (BT.601 full range, as in JPEG). */
function toI420(rgba) {
  const y = Buffer.alloc(WIDTH * HEIGHT);
  const u = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2));
  const v = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2));
  const clamp = (n) => Math.max(0, Math.min(255, Math.round(n)));
  for (let row = 0; row < HEIGHT; row++) {
    for (let col = 0; col < WIDTH; col++) {
      const i = (row * WIDTH + col) * 4;
      y[row * WIDTH + col] = clamp(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]);
    }
  }
  for (let row = 0; row < HEIGHT; row += 2) {
    for (let col = 0; col < WIDTH; col += 2) {
      let r = 0, g = 0, b = 0;
      for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
        const i = ((row + dr) * WIDTH + col + dc) * 4;
        r += rgba[i] / 4; g += rgba[i + 1] / 4; b += rgba[i + 2] / 4;
      }
      const j = (row / 2) * (WIDTH / 2) + col / 2;
      u[j] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
      v[j] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
    }
  }
  return Buffer.concat([y, u, v]);
}

function writeY4m(file, rgba) {
  const frame = Buffer.concat([Buffer.from('FRAME\n'), toI420(rgba)]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F15:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array(FRAMES).fill(frame)]));
}

/** Writes face.y4m (the enrolled student facing the camera), tilted.y4m (the same face rolled 40°) and empty.y4m. */
export async function writeFakeCameras(paths) {
  const face = ENROLLED_FACE;
  const frames = await renderFrames({
    face,
    tilted: { ...face, rotateDeg: 40 },
    empty: { x: 1500, y: 0, width: 400, height: 300 },
  });
  writeY4m(paths.face, frames.face);
  writeY4m(paths.tilted, frames.tilted);
  writeY4m(paths.empty, frames.empty);
}
