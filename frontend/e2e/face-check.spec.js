// The live alignment check must refuse to auto-capture a tilted face or an empty frame, report its speed, and judge
// a picked file with the same rules.
import { CAMERAS, CHROMIUM, GROUP_PHOTO } from './fixtures.js';
import { expect, expectAccessible, screenshots, signInWithToken, teacherViaApi, test } from './helpers.js';

const SCENES = [
  { camera: 'tilted', hint: 'Hold your head level' },
  { camera: 'empty', hint: 'No face found: look at the camera' },
];

for (const { camera, hint } of SCENES) {
  test.describe(`camera showing ${camera}`, () => {
    let browser;
    // each scene needs its own Chromium: the fake camera file is a launch flag
    test.beforeAll(async ({ playwright }) => {
      browser = await playwright.chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-video-capture=${CAMERAS[camera]}`,
        ],
      });
    });
    test.afterAll(() => browser?.close());

    test(`no auto-capture, hint “${hint}”, and the check's frame rate`, async ({ request, baseURL }, testInfo) => {
      const context = await browser.newContext({ baseURL, permissions: ['camera'] });
      const page = await context.newPage();
      const teacher = await teacherViaApi(request, camera);
      const auth = { Authorization: `Bearer ${teacher.accessToken}` };
      const klass = await (
        await request.post('/api/classes', { headers: auth, data: { name: 'Check', timezone: 'UTC' } })
      ).json();
      await signInWithToken(page, teacher);
      await page.goto(`/student-new.html?class=${klass.id}`);
      await page.getByLabel('Full name').fill('Nobody Yet');
      await page.getByLabel('Roll number').fill('1');
      await page.getByRole('button', { name: 'Next: photo' }).click();
      await page.getByRole('button', { name: 'Use the camera' }).click();
      const capture = page.locator('#capture');
      await expect(page.getByRole('status').filter({ hasText: hint })).toBeVisible({ timeout: 60_000 });
      // several seconds of frames: enough for dozens of checks, none of them may capture
      await page.waitForTimeout(5000);
      await expect(capture).not.toHaveAttribute('data-state', 'review');
      await expect(page.getByRole('img', { name: 'The photo to be saved' })).toBeHidden();
      const fps = Number(await capture.getAttribute('data-fps'));
      const size = await capture.getAttribute('data-frame-size');
      const backend = await capture.getAttribute('data-backend');
      console.log(`face check (${camera}): ${fps} fps at ${size} with the ${backend} backend`);
      await testInfo.attach('fps', { body: `${fps} fps at ${size}, ${backend}` });
      expect(size).toBe('640x480');
      expect(fps).toBeGreaterThan(0);
      if (camera === 'tilted') {
        await expectAccessible(page, testInfo, 'camera-check');
        await screenshots(page, 'camera-check-tilted');
      }
      await context.close();
    });
  });
}

test('a picked file goes through the same check: a group photo is refused', async ({ page, request }) => {
  const teacher = await teacherViaApi(request, 'file');
  const klass = await (
    await request.post('/api/classes', {
      headers: { Authorization: `Bearer ${teacher.accessToken}` },
      data: { name: 'Files', timezone: 'UTC' },
    })
  ).json();
  await signInWithToken(page, teacher);
  await page.goto(`/student-new.html?class=${klass.id}`);
  await page.getByLabel('Full name').fill('Group Photo');
  await page.getByLabel('Roll number').fill('2');
  await page.getByRole('button', { name: 'Next: photo' }).click();
  await page.locator('#capture input[type=file]').setInputFiles(GROUP_PHOTO);
  await expect(
    page.getByRole('alert').filter({ hasText: 'This photo cannot be used: only one face please.' }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Save student' })).toBeHidden();
  const students = await (
    await request.get(`/api/classes/${klass.id}/students`, {
      headers: { Authorization: `Bearer ${teacher.accessToken}` },
    })
  ).json();
  expect(students).toEqual([]);
});

test.describe('camera showing the student facing it', () => {
  let browser;
  test.beforeAll(async ({ playwright }) => {
    browser = await playwright.chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${CAMERAS.face}`,
      ],
    });
  });
  test.afterAll(() => browser?.close());

  test('the check judges with the limits the server serves, fetched once per page', async ({ request, baseURL }) => {
    const context = await browser.newContext({ baseURL, permissions: ['camera'] });
    const page = await context.newPage();
    const teacher = await teacherViaApi(request, 'rules');
    const auth = { Authorization: `Bearer ${teacher.accessToken}` };
    const klass = await (
      await request.post('/api/classes', { headers: auth, data: { name: 'Rules', timezone: 'UTC' } })
    ).json();
    const served = await (await request.get('/api/face/rules', { headers: auth })).json();
    expect(served.gate.maxYawDeg).toBeGreaterThan(5);
    // the real server's answer, with the operator's gate made too strict for any real head: half a degree of yaw
    // or pitch; a browser that judged with numbers of its own would capture this facing student
    let asked = 0;
    await page.route('**/api/face/rules', async (route) => {
      asked += 1;
      const response = await route.fetch();
      const rules = await response.json();
      expect(rules).toEqual(served);
      await route.fulfill({ response, json: { ...rules, gate: { ...rules.gate, maxYawDeg: 0.5, maxPitchDeg: 0.5 } } });
    });
    await signInWithToken(page, teacher);
    await page.goto(`/student-new.html?class=${klass.id}`);
    await page.getByLabel('Full name').fill('Facing Camera');
    await page.getByLabel('Roll number').fill('3');
    await page.getByRole('button', { name: 'Next: photo' }).click();
    await page.getByRole('button', { name: 'Use the camera' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Look straight at the camera' })).toBeVisible({
      timeout: 60_000,
    });
    await page.waitForTimeout(3000);
    await expect(page.locator('#capture')).not.toHaveAttribute('data-state', 'review');
    // the camera restarted (switching back to the details and on again) asks nothing more of the server
    await page.getByRole('button', { name: 'Change the details' }).click();
    await page.getByRole('button', { name: 'Next: photo' }).click();
    await page.getByRole('button', { name: 'Use the camera' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Look straight at the camera' })).toBeVisible({
      timeout: 60_000,
    });
    expect(asked).toBe(1);
    await context.close();
  });
});
