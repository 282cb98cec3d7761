// Starts the real Rollcall jar (embedded PostgreSQL and Redis, mail to the outbox folder) on a free port with a
// fresh data folder, and writes the fake-camera videos. Returns the teardown that stops the backend.
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { CAMERAS, CHROMIUM, FACE_PHOTO, GROUP_PHOTO, PHONE_PHOTO, WORK_DIR } from './fixtures.js';
import { writeFacePhoto, writeFakeCameras, writePhonePhoto } from './fake-camera.js';

const BACKEND_TARGET = resolve(import.meta.dirname, '../../backend/target');
const RESULTS = resolve(import.meta.dirname, '../test-results');

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function findJar() {
  const jar = existsSync(BACKEND_TARGET) && readdirSync(BACKEND_TARGET).find((f) => /^rollcall-.*\.jar$/.test(f));
  if (!jar)
    throw new Error(
      `No backend jar in ${BACKEND_TARGET}. Build it first: mvn -B -f backend/pom.xml -DskipTests package`,
    );
  return join(BACKEND_TARGET, jar);
}

async function waitUntilUp(baseUrl, backend, logFile) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (backend.exitCode !== null) throw new Error(`The backend stopped with code ${backend.exitCode}; see ${logFile}`);
    try {
      const response = await fetch(`${baseUrl}/signin.html`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The backend did not answer within 3 minutes; see ${logFile}`);
}

export default async function globalSetup() {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  if (!existsSync(GROUP_PHOTO)) throw new Error(`Test photo ${GROUP_PHOTO} missing: run npm ci in models/`);
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  await writeFakeCameras(CAMERAS);
  await writePhonePhoto(PHONE_PHOTO);
  await writeFacePhoto(FACE_PHOTO);

  const removeWorkDir = () => rmSync(WORK_DIR, { recursive: true, force: true });
  if (process.env.ROLLCALL_BASE_URL) return removeWorkDir; // a backend the developer started themselves

  const port = await freePort();
  const dataDir = mkdtempSync(join(WORK_DIR, 'data-'));
  const logFile = join(WORK_DIR, 'backend.log');
  const log = createWriteStream(logFile);
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const backend = spawn(java, ['-jar', findJar()], {
    cwd: WORK_DIR,
    env: { ...process.env, SERVER_PORT: String(port), ROLLCALL_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  backend.stdout.pipe(log);
  backend.stderr.pipe(log);
  const stopNow = () => backend.kill('SIGKILL');
  process.on('exit', stopNow);

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilUp(baseUrl, backend, logFile);
  process.env.ROLLCALL_BASE_URL = baseUrl;
  process.env.ROLLCALL_DATA_DIR = dataDir;
  console.log(
    `Rollcall backend at ${baseUrl} (data ${dataDir}; its log is copied to test-results/backend.log at the end)`,
  );

  return async () => {
    process.off('exit', stopNow);
    if (backend.exitCode !== null) return;
    const stopped = new Promise((r) => backend.once('exit', r));
    backend.kill('SIGTERM');
    // embedded PostgreSQL and Redis are stopped by the app's shutdown hooks; give them time, then insist
    const timer = setTimeout(() => backend.kill('SIGKILL'), 30_000);
    await stopped;
    clearTimeout(timer);
    // the backend's log is kept with the test results for whoever reads a failure; the rest goes
    mkdirSync(RESULTS, { recursive: true });
    copyFileSync(logFile, join(RESULTS, 'backend.log'));
    removeWorkDir();
  };
}
