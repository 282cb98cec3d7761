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
    const frames = await page.evaluate(
      async ({ dataUrl, scenes, W, H }) => {
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
          for (let p = 0; p < W * H; p++)
            yuv[p] = clamp(0.299 * rgba[4 * p] + 0.587 * rgba[4 * p + 1] + 0.114 * rgba[4 * p + 2]);
          const u = W * H;
          const v = u + (W / 2) * (H / 2);
          for (let row = 0; row < H; row += 2) {
            for (let col = 0; col < W; col += 2) {
              let r = 0,
                g = 0,
                b = 0;
              for (const i of [row * W + col, row * W + col + 1, (row + 1) * W + col, (row + 1) * W + col + 1]) {
                r += rgba[4 * i] / 4;
                g += rgba[4 * i + 1] / 4;
                b += rgba[4 * i + 2] / 4;
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
      },
      { dataUrl, scenes, W: WIDTH, H: HEIGHT },
    );
    return Object.fromEntries(Object.entries(frames).map(([name, b64]) => [name, Buffer.from(b64, 'base64')]));
  } finally {
    await browser.close();
  }
}

/** Writes FACE_PHOTO: a 480×600 portrait around the enrolled face. */
export async function writeFacePhoto(file) {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    const dataUrl = `data:image/jpeg;base64,${readFileSync(GROUP_PHOTO).toString('base64')}`;
    const b64 = await page.evaluate(async (dataUrl) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = new OffscreenCanvas(480, 600);
      canvas.getContext('2d').drawImage(img, 368, 312, 320, 400, 0, 0, 480, 600);
      const bytes = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer(),
      );
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    }, dataUrl);
    writeFileSync(file, Buffer.from(b64, 'base64'));
  } finally {
    await browser.close();
  }
}

/** An EXIF block holding only Orientation (tag 0x0112, SHORT) = 6: "rotate 90° clockwise to display". */
function exifOrientation6() {
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0,
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), length, body]);
}

/** Writes PHONE_PHOTO: the group photo doubled (3840×2560), turned a quarter left in its pixels, tagged orientation 6. */
export async function writePhonePhoto(file) {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    const dataUrl = `data:image/jpeg;base64,${readFileSync(GROUP_PHOTO).toString('base64')}`;
    const b64 = await page.evaluate(async (dataUrl) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const w = img.width * 2;
      const h = img.height * 2;
      const canvas = new OffscreenCanvas(h, w);
      const ctx = canvas.getContext('2d');
      ctx.translate(0, w);
      ctx.rotate(-Math.PI / 2);
      ctx.drawImage(img, 0, 0, w, h);
      const bytes = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer(),
      );
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    }, dataUrl);
    const jpeg = Buffer.from(b64, 'base64');
    // the EXIF segment goes right after the start-of-image marker
    writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), exifOrientation6(), jpeg.subarray(2)]));
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
