// A teacher's whole day in the browser, against the real backend and face engine: sign up with the emailed code,
// sign in, create a class, enrol a student through the live camera check, mark attendance from a group photo,
// correct it by hand, read the history and its CSV, sign out (the old token must stop working), delete the account.
import { readFileSync } from 'node:fs';
import { CAMERAS, CHROMIUM, GROUP_PHOTO, PHONE_PHOTO } from './fixtures.js';
import { codeFromOutbox, expect, expectAccessible, PASSWORD, screenshots, test, uniqueEmail } from './helpers.js';

test.use({
  launchOptions: {
    executablePath: CHROMIUM,
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${CAMERAS.face}`,
    ],
  },
});

const STUDENT = { name: 'Mira Lopez', rollNo: '7B-01' };

test('a teacher signs up, enrols a student with the camera, marks attendance and leaves', async ({
  page,
  request,
}, testInfo) => {
  const email = uniqueEmail('journey');
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await test.step('unauthenticated visitors are sent to sign in', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin\.html/);
    await expectAccessible(page, testInfo, 'signin');
    await screenshots(page, 'signin');
  });

  await test.step('sign up with the code from the mail', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    const started = Date.now() - 1000;
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await expect(page.getByLabel('Code from the email')).toBeFocused();
    await expectAccessible(page, testInfo, 'signup-code');
    const code = await codeFromOutbox(email, { after: started });
    await page.getByLabel('Code from the email').fill(code);
    await page.getByLabel('Your name').fill('Ms Rivera');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Your classes' })).toBeVisible();
  });

  await test.step('sign out, then sign in with the form', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status')).toHaveText('You have signed out.');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Your classes' })).toBeVisible();
  });

  await test.step('create a class', async () => {
    await page.getByLabel('Class name').fill('Grade 7 B');
    await page.getByLabel('Time zone').selectOption('Europe/Madrid');
    await page.getByRole('button', { name: 'Add class' }).click();
    await expect(page.getByRole('link', { name: 'Grade 7 B' })).toBeFocused();
    await expect(page.locator('.class-card', { hasText: 'Grade 7 B' })).toContainText('0 of 0 present today');
    await expectAccessible(page, testInfo, 'dashboard');
    await screenshots(page, 'dashboard');
    await page.getByRole('link', { name: 'Grade 7 B' }).click();
    await expect(page.getByRole('heading', { name: 'Grade 7 B' })).toBeVisible();
  });

  await test.step('add a student through the live camera check (auto-capture)', async () => {
    await page.getByRole('link', { name: 'Add student' }).click();
    await page.getByLabel('Full name').fill(STUDENT.name);
    await page.getByLabel('Roll number').fill(STUDENT.rollNo);
    await page.getByRole('button', { name: 'Next: photo' }).click();
    await page.getByRole('button', { name: 'Use the camera' }).click();
    const capture = page.locator('#capture');
    await expect(capture).toHaveAttribute('data-state', 'review', { timeout: 60_000 });
    await expect(page.getByRole('img', { name: 'The photo to be saved' })).toBeVisible();
    await expectAccessible(page, testInfo, 'add-student-review');
    await screenshots(page, 'add-student-review');
    // retake: the camera starts again and captures again
    await page.getByRole('button', { name: 'Retake' }).click();
    await expect(capture).not.toHaveAttribute('data-state', 'review');
    await expect(capture).toHaveAttribute('data-state', 'review', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Save student' }).click();
    await expect(page.getByRole('heading', { name: 'Student added' })).toBeFocused({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Back to the class' }).click();
  });

  await test.step('the roster finds the student by name and roll number', async () => {
    await expect(page.getByRole('link', { name: STUDENT.name, exact: true })).toBeVisible();
    await expect(page.locator('#roster')).toContainText('1 photo');
    await page.getByLabel('Search by name or roll number').fill('7b-0');
    await expect(page.locator('#roster .student-card')).toHaveCount(1);
    await page.getByLabel('Search by name or roll number').fill('nobody here');
    await expect(page.locator('#roster-status')).toHaveText('No student matches “nobody here”.');
    await expect(page.locator('#roster .student-card')).toHaveCount(0);
    await page.getByLabel('Search by name or roll number').fill('');
    await expect(page.locator('#roster .student-card')).toHaveCount(1);
    await expectAccessible(page, testInfo, 'roster');
    await screenshots(page, 'roster');
  });

  await test.step('mark attendance from a group photo: boxes and names', async () => {
    await page.getByRole('link', { name: 'Mark attendance' }).click();
    await page.getByLabel('Class photos (one or several)').setInputFiles(GROUP_PHOTO);
    await page.getByRole('button', { name: 'Mark from photos' }).click();
    await expect(page.getByRole('heading', { name: 'Faces found' })).toBeFocused({ timeout: 90_000 });
    const figure = page.locator('figure.result');
    await expect(figure.locator('g.face-box.marked')).toHaveCount(1);
    expect(await figure.locator('g.face-box.unknown, g.face-box.review').count()).toBeGreaterThanOrEqual(1);
    // numbered badges on the boxes match the numbered lines of the list
    const markedNumber = await figure.locator('g.face-box.marked text').textContent();
    await expect(page.locator('.face-row.marked')).toContainText(
      `Face ${markedNumber}: ${STUDENT.name} (roll no. ${STUDENT.rollNo}): marked present`,
    );
    await expect(page.locator('#summary')).toHaveText('Present 1 of 1: everyone is here.');
    await expect(page.locator('#present')).toContainText(STUDENT.name);
    await expect(page.locator('#absent-count')).toHaveText('0');
    await expectAccessible(page, testInfo, 'attendance-results');
    await screenshots(page, 'attendance-results');
  });

  await test.step('one click unmarks and marks a student by hand', async () => {
    await page.getByRole('button', { name: `Mark absent: ${STUDENT.name}` }).click();
    await expect(page.locator('#absent')).toContainText(STUDENT.name);
    await expect(page.getByRole('button', { name: `Mark present: ${STUDENT.name}` })).toBeFocused();
    await page.getByRole('button', { name: `Mark present: ${STUDENT.name}` }).click();
    await expect(page.locator('#present')).toContainText(STUDENT.name);
    await expect(page.locator('#present-count')).toHaveText('1');
  });

  await test.step('a photo from the camera: the student is already present (blue)', async () => {
    await page.getByRole('button', { name: 'Take a photo with the camera' }).click();
    await page.getByRole('button', { name: 'Take photo and mark' }).click();
    // the newest marking comes first
    const figure = page.locator('article.marking').first().locator('figure.result');
    await expect(figure.locator('figcaption')).toContainText('Camera photo', { timeout: 90_000 });
    await expect(figure.locator('g.face-box.already')).toHaveCount(1);
    await expect(page.locator('article.marking').first().locator('.face-row.already')).toContainText(
      `${STUDENT.name} (roll no. ${STUDENT.rollNo}): was already present`,
    );
    await expect(figure.locator('g.face-box.marked')).toHaveCount(0);
  });

  await test.step('a big phone photo stored sideways (EXIF orientation 6) is turned upright and downscaled', async () => {
    await page.getByLabel('Class photos (one or several)').setInputFiles(PHONE_PHOTO);
    await page.getByRole('button', { name: 'Mark from photos' }).click();
    const figure = page.locator('article.marking').first().locator('figure.result');
    await expect(figure.locator('figcaption')).toContainText('phone-photo-exif6.jpg', { timeout: 90_000 });
    await expect(figure.locator('g.face-box.already')).toHaveCount(1);
    const size = await figure.locator('img').evaluate((img) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([2560, 1707]);
  });

  await test.step('history and the CSV download', async () => {
    await page.getByRole('link', { name: 'Grade 7 B' }).click();
    await page.getByRole('link', { name: 'History' }).click();
    await expect(page.locator('#by-student tbody tr')).toHaveCount(1);
    await expect(page.locator('#by-student tbody')).toContainText('1 of 1');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^attendance-Grade_7_B-.*\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(STUDENT.name);
    expect(csv).toContain(STUDENT.rollNo);
    await expectAccessible(page, testInfo, 'history');
    await screenshots(page, 'history');
  });

  await test.step('the student page shows the photo and the present day', async () => {
    await page.getByRole('link', { name: STUDENT.name, exact: true }).click();
    await expect(page.getByRole('img', { name: `Face photo 1 of ${STUDENT.name}` })).toBeVisible();
    await expect(page.locator('#attendance-summary')).toContainText('Present on 1 day');
    const changes = page.getByRole('list', { name: 'Changes made by hand' });
    await expect(changes.getByRole('listitem')).toHaveCount(2);
    await expect(changes.getByRole('listitem').first()).toContainText('Marked present for');
    await expect(changes.getByRole('listitem').last()).toContainText('Marked absent for');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^attendance-Mira_Lopez-.*\.csv$/);
    expect(readFileSync(await download.path(), 'utf8')).toMatch(/\d{4}-\d{2}-\d{2}/);
    await expectAccessible(page, testInfo, 'student');
    await screenshots(page, 'student');
  });

  let oldToken;
  await test.step('sign out: the old token no longer works', async () => {
    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.locator('#me-email')).toHaveText(email);
    await expectAccessible(page, testInfo, 'account');
    await screenshots(page, 'account');
    oldToken = await page.evaluate(() => JSON.parse(localStorage.getItem('rollcall.token')));
    expect(
      (await request.get('/api/account', { headers: { Authorization: `Bearer ${oldToken.accessToken}` } })).status(),
    ).toBe(200);
    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin\.html/);
    expect(
      (await request.get('/api/account', { headers: { Authorization: `Bearer ${oldToken.accessToken}` } })).status(),
    ).toBe(401);
    // a browser still holding the revoked token is sent back to sign in, with a message
    await page.evaluate((t) => localStorage.setItem('rollcall.token', JSON.stringify(t)), oldToken);
    await page.goto('/account.html');
    await expect(page).toHaveURL(/\/signin\.html\?next=%2Faccount\.html/);
    await expect(page.getByRole('status')).toHaveText('Your session has ended. Please sign in again.');
  });

  await test.step('sign in again and delete the account', async () => {
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await page.getByLabel('Your password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, testInfo, 'delete-dialog');
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await expect(page).toHaveURL(/\/signin\.html/);
    await expect(page.getByRole('status')).toHaveText('Your account and all its data have been deleted.');
    const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
    expect(login.status()).toBeGreaterThanOrEqual(400);
  });

  expect(pageErrors).toEqual([]);
});
