// Makes the .y4m files Chromium plays as a fake camera (--use-file-for-fake-video-capture). The frames are cut from
// a real group photo shipped in an npm package; Chromium itself decodes the JPEG, draws the frames and converts
// them to YUV 4:2:0 (BT.601 full range, as in JPEG); Node writes the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM, GROUP_PHOTO, ENROLLED_FACE } from './fixtures.js';

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 10;

/** scenes: {name: {x, y, width, height, rotateDeg}} crops of the photo (in its pixels) scaled to 640×480 */
async function renderI420(scenes) {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    const dataUrl = `data:image/jpeg;base64,${readFileSync(GROUP_PHOTO).toString('base64')}`;
    const frames = await page.evaluate(async ({ dataUrl, scenes, W, H }) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const clamp = (n) => Math.max(0, Math.min(255, Math.round(n)));
      const out = {};
      for (const [name, s] of Object.entries(scenes)) {
        const canvas = new OffscreenCanvas(W, H);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#808080';
        ctx.fillRect(0, 0, W, H);
        ctx.translate(W / 2, H / 2);
        ctx.rotate(((s.rotateDeg ?? 0) * Math.PI) / 180);
        ctx.translate(-W / 2, -H / 2);
        ctx.drawImage(img, s.x, s.y, s.width, s.height, 0, 0, W, H);
        const rgba = ctx.getImageData(0, 0, W, H).data;
        const yuv = new Uint8Array(W * H * 1.5);
        for (let p = 0; p < W * H; p++) yuv[p] = clamp(0.299 * rgba[4 * p] + 0.587 * rgba[4 * p + 1] + 0.114 * rgba[4 * p + 2]);
        const u = W * H;
        const v = u + (W / 2) * (H / 2);
        for (let row = 0; row < H; row += 2) {
          for (let col = 0; col < W; col += 2) {
            let r = 0, g = 0, b = 0;
            for (const i of [row * W + col, row * W + col + 1, (row + 1) * W + col, (row + 1) * W + col + 1]) {
              r += rgba[4 * i] / 4; g += rgba[4 * i + 1] / 4; b += rgba[4 * i + 2] / 4;
            }
            const j = (row / 2) * (W / 2) + col / 2;
            yuv[u + j] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
            yuv[v + j] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
          }
        }
        let binary = '';
        for (let i = 0; i < yuv.length; i += 0x8000) binary += String.fromCharCode(...yuv.subarray(i, i + 0x8000));
        out[name] = btoa(binary);
      }
      return out;
    }, { dataUrl, scenes, W: WIDTH, H: HEIGHT });
    return Object.fromEntries(Object.entries(frames).map(([name, b64]) => [name, Buffer.from(b64, 'base64')]));
  } finally {
    await browser.close();
  }
}

function writeY4m(file, i420) {
  const frame = Buffer.concat([Buffer.from('FRAME\n'), i420]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F15:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array(FRAMES).fill(frame)]));
}

/** Writes face.y4m (the enrolled student facing the camera), tilted.y4m (the same face rolled 40°) and empty.y4m. */
export async function writeFakeCameras(paths) {
  const face = ENROLLED_FACE;
  const frames = await renderI420({
    face,
    tilted: { ...face, rotateDeg: 40 },
    empty: { x: 1500, y: 0, width: 400, height: 300 },
  });
  for (const name of ['face', 'tilted', 'empty']) writeY4m(paths[name], frames[name]);
}
