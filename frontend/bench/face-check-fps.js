// Benchmark: frames per second of the live face check in headless Chromium at 640×480, per TFJS backend and scene.
// Serves the built pages (npm run build first) with Vite's preview server; no backend is needed for the camera.
// Usage: npm run bench:face-check [-- seconds]   (prints one line per backend and scene)
import { createServer } from 'node:net';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CAMERAS, CHROMIUM, WORK_DIR } from '../e2e/fixtures.js';
import { writeFakeCameras } from '../e2e/fake-camera.js';
import { shippedRules } from './shipped-rules.js';

const seconds = Number(process.argv[2] ?? 10);

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

if (!existsSync(new URL('../dist/student-new.html', import.meta.url))) throw new Error('Build first: npm run build');
mkdirSync(WORK_DIR, { recursive: true });
await writeFakeCameras(CAMERAS);
const port = await freePort();
const server = await preview({
  root: new URL('..', import.meta.url).pathname,
  logLevel: 'silent',
  preview: { port, strictPort: true, host: '127.0.0.1', proxy: {} },
});
const base = `http://127.0.0.1:${port}`;

async function measure(backend, scene) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${CAMERAS[scene]}`,
    ],
  });
  try {
    const page = await (await browser.newContext({ permissions: ['camera'] })).newPage();
    await page.route('**/api/face/rules', (route) => route.fulfill({ json: shippedRules() }));
    await page.goto(`${base}/signin.html`);
    await page.evaluate(() =>
      localStorage.setItem(
        'rollcall.token',
        JSON.stringify({ accessToken: 'bench', expiresAt: Date.now() + 3_600_000 }),
      ),
    );
    await page.goto(`${base}/student-new.html?class=bench&tf=${backend}`);
    await page.fill('#student-name', 'Bench');
    await page.fill('#roll-no', '1');
    await page.click('text=Next: photo');
    await page.click('text=Use the camera');
    await page.waitForSelector('#capture[data-fps]', { timeout: 120_000 });
    await page.waitForTimeout(2000); // warm-up: first inferences compile kernels
    const samples = [];
    for (let i = 0; i < seconds; i++) {
      await page.waitForTimeout(1000);
      samples.push(Number(await page.getAttribute('#capture', 'data-fps')));
    }
    const size = await page.getAttribute('#capture', 'data-frame-size');
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `${backend.padEnd(5)} ${scene.padEnd(6)} ${size}: median ${median.toFixed(1)} fps, best ${sorted.at(-1).toFixed(1)}, worst ${sorted[0].toFixed(1)} (${seconds} one-second windows)`,
    );
  } finally {
    await browser.close();
  }
}

try {
  for (const backend of ['wasm', 'webgl']) for (const scene of ['tilted', 'empty']) await measure(backend, scene);
} finally {
  await new Promise((r) => server.httpServer.close(r));
  rmSync(WORK_DIR, { recursive: true, force: true });
}
