// Benchmark (not a test): does the browser's live check agree with the server's enrolment gate? Each photo goes
// through the real add-student page (built pages, Human on WASM in headless Chromium, the server's rules), exactly as
// a teacher picking a file: the page's verdict is read from the page, and the JPEG it would upload is kept. The
// server's verdict on those same JPEGs comes from the jar's CLI (`face enrol`, one JSON line per image). Prints both
// verdicts per photo, the agreement, and the kinds of disagreement.
//
// Usage (npm run build and the backend jar first; from frontend/, after `source ../scripts/jdk.sh`):
//   node bench/agreement.js [--jar ../backend/target/rollcall-*.jar] [--list FILE] [PHOTO...]
// Without photos or --list: the 134 development photos (the first 120 of `sort -u` over the image paths of
// ../shared/faces/lfw-dev/identities.txt and pairs.txt, and the 14 single_*/noface_* files of ../shared/faces/misc).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM } from '../e2e/fixtures.js';
import { shippedRules } from './shipped-rules.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared/faces');
// the page's hints (face-rules.js HINTS) as the server's refusal codes
const HINT_CODES = {
  'no face found: look at the camera': 'NO_FACE',
  'only one face please': 'MULTIPLE_FACES',
  'move closer': 'FACE_TOO_SMALL',
  'look straight at the camera': 'NOT_FRONTAL',
  'hold your head level': 'NOT_FRONTAL',
  'more light please': 'TOO_DARK',
  'hold still: the picture is blurry': 'TOO_BLURRY',
  'hold still': 'LOW_SCORE',
};

function args() {
  const a = process.argv.slice(2);
  const out = { photos: [] };
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '--jar') out.jar = a[++i];
    else if (a[i] === '--list') out.list = a[++i];
    else out.photos.push(resolve(a[i]));
  }
  return out;
}

function devPhotos() {
  const lfw = join(SHARED, 'lfw-dev');
  const paths = new Set();
  for (const file of ['identities.txt', 'pairs.txt']) {
    for (const line of readFileSync(join(lfw, file), 'utf8').split('\n')) {
      for (const field of line.split('\t')) if (/\.(jpe?g|png)$/i.test(field.trim())) paths.add(field.trim());
    }
  }
  // in the order of `sort -u` (the machine's own collation, as the earlier figures were made)
  const sorted = execFileSync('sort', ['-u'], { input: [...paths].join('\n'), encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const misc = readdirSync(join(SHARED, 'misc'))
    .filter((f) => /^(single|noface)_/.test(f))
    .sort();
  return [...sorted.slice(0, 120).map((p) => join(lfw, 'images', p)), ...misc.map((f) => join(SHARED, 'misc', f))];
}

function freePort() {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

async function browserVerdicts(photos, outDir) {
  const port = await freePort();
  const server = await preview({
    root: resolve(import.meta.dirname, '..'),
    logLevel: 'silent',
    preview: { port, strictPort: true, host: '127.0.0.1', proxy: {} },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const rules = shippedRules();
  const verdicts = [];
  try {
    const page = await browser.newPage();
    await page.route('**/api/face/rules', (route) => route.fulfill({ json: rules }));
    await page.route('**/api/classes/**', (route) => route.fulfill({ status: 404, json: { code: 'NOT_FOUND' } }));
    const base = `http://127.0.0.1:${port}`;
    await page.goto(`${base}/signin.html`);
    await page.evaluate(() =>
      localStorage.setItem(
        'rollcall.token',
        JSON.stringify({ accessToken: 'bench', expiresAt: Date.now() + 3_600_000 }),
      ),
    );
    await page.goto(`${base}/student-new.html?class=bench`);
    await page.fill('#student-name', 'Bench');
    await page.fill('#roll-no', '1');
    await page.click('text=Next: photo');
    for (const [i, photo] of photos.entries()) {
      await page.evaluate(() => {
        document.querySelector('#capture').dataset.state = 'bench';
      });
      await page.setInputFiles('#capture input[type=file]', photo);
      await page.waitForFunction(
        () => ['review', 'rejected'].includes(document.querySelector('#capture').dataset.state),
        null,
        { timeout: 120_000 },
      );
      const seen = await page.evaluate(async () => {
        const capture = document.querySelector('#capture');
        const alert = capture.querySelector('[role=alert]');
        const still = capture.querySelector('img.still');
        let jpeg = null;
        if (still?.src && !capture.querySelector('.review').hidden) {
          const bytes = new Uint8Array(await (await fetch(still.src)).arrayBuffer());
          let binary = '';
          for (let k = 0; k < bytes.length; k += 0x8000)
            binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
          jpeg = btoa(binary);
        }
        return { state: capture.dataset.state, alert: alert.hidden ? '' : alert.textContent, jpeg };
      });
      let verdict = 'ENROLLED';
      if (seen.state === 'rejected') {
        const hint = seen.alert.match(/^This photo cannot be used: (.*)\.$/)?.[1];
        verdict = (hint && HINT_CODES[hint]) ?? `UNREADABLE (${seen.alert})`;
      }
      // the server judges what the page would send; a photo the page could not read goes as it is
      let upload = photo;
      if (seen.jpeg) {
        upload = join(outDir, `${String(i).padStart(3, '0')}.jpg`);
        writeFileSync(upload, Buffer.from(seen.jpeg, 'base64'));
      }
      verdicts.push({ photo, browser: verdict, upload });
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.httpServer.close(r));
  }
  return verdicts;
}

function serverVerdicts(jar, files) {
  // the JDK of scripts/jdk.sh when it was sourced (the jar needs Java 21)
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const out = execFileSync(java, ['-jar', jar, 'face', 'enrol', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = out
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l));
  const byFile = new Map();
  lines.forEach((line, i) => {
    const file = line.image ?? line.path ?? line.file ?? files[i];
    byFile.set(resolve(file), line.verdict ?? line.code ?? 'UNKNOWN');
  });
  return byFile;
}

const options = args();
if (!existsSync(resolve(import.meta.dirname, '../dist/student-new.html')))
  throw new Error('Build first: npm run build');
const jar =
  options.jar ??
  (() => {
    const dir = join(ROOT, 'backend/target');
    const found = existsSync(dir) && readdirSync(dir).find((f) => /^rollcall-.*\.jar$/.test(f));
    if (!found) throw new Error('No backend jar: mvn -B -f backend/pom.xml -DskipTests package');
    return join(dir, found);
  })();
const photos = options.photos.length
  ? options.photos
  : options.list
    ? readFileSync(options.list, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((p) => resolve(p))
    : devPhotos();
const work = mkdtempSync(join(tmpdir(), 'rollcall-agreement-'));
try {
  const started = Date.now();
  const rows = await browserVerdicts(photos, work);
  const uploads = rows.map((r) => r.upload);
  const server = uploads.length ? serverVerdicts(jar, uploads) : new Map();
  const kinds = new Map();
  let agree = 0;
  for (const row of rows) {
    row.server = server.get(resolve(row.upload)) ?? 'MISSING';
    const same = (row.browser === 'ENROLLED') === (row.server === 'ENROLLED');
    if (same) agree += 1;
    else {
      const kind =
        row.browser === 'ENROLLED' ? `browser accepts, server ${row.server}` : `browser ${row.browser}, server accepts`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    console.log(
      `${same ? ' ' : '≠'} ${basename(row.photo).padEnd(44)} browser ${row.browser.padEnd(16)} server ${row.server}`,
    );
  }
  console.log(
    `\nagreement: ${agree} of ${rows.length} photos (${((100 * agree) / rows.length).toFixed(1)} %), accept/refuse, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  for (const [kind, n] of [...kinds].sort((x, y) => y[1] - x[1])) console.log(`  ${n} × ${kind}`);
  const reasons = (key) => rows.reduce((m, r) => m.set(r[key], (m.get(r[key]) ?? 0) + 1), new Map());
  console.log(`browser verdicts: ${[...reasons('browser')].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`server verdicts:  ${[...reasons('server')].map(([k, n]) => `${k} ${n}`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
