// The review loop against the real backend and engine: a face not recognised is given to a student (who had no
// photo), a new student is made from a face, a wrong one is taken away, a manual absence survives the next photo
// until the teacher marks the student present anyway, reloading shows the day's corrections; the token is renewed
// before it expires, and photos chosen when the session has ended survive the trip to the sign-in page.
import { readFileSync } from 'node:fs';
import { FACE_PHOTO, GROUP_PHOTO } from './fixtures.js';
import { PASSWORD, expect, expectAccessible, screenshots, signInWithToken, teacherViaApi, test } from './helpers.js';

const MIRA = { name: 'Mira Lopez', rollNo: '7B-01' };

async function setUpClass(request, label) {
  const teacher = await teacherViaApi(request, label);
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const klass = await (
    await request.post('/api/classes', { headers: auth, data: { name: 'Grade 7 B', timezone: 'UTC' } })
  ).json();
  const enrolled = await request.post(`/api/classes/${klass.id}/students`, {
    headers: auth,
    multipart: {
      student: { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(MIRA)) },
      photo: { name: 'mira.jpg', mimeType: 'image/jpeg', buffer: readFileSync(FACE_PHOTO) },
    },
  });
  expect(enrolled.status()).toBe(201);
  // a student whose photo never worked exists anyway, with no face
  const penny = await request.post(`/api/classes/${klass.id}/students`, {
    headers: auth,
    data: { name: 'Penny Lane', rollNo: '7B-02' },
  });
  expect(penny.status()).toBe(201);
  expect((await penny.json()).faces).toEqual([]);
  return { teacher, auth, klass };
}

async function markGroupPhoto(page) {
  await page.getByLabel('Class photos (one or several)').setInputFiles(GROUP_PHOTO);
  await page.getByRole('button', { name: 'Mark from photos' }).click();
  await expect(page.getByRole('heading', { name: 'Faces found' })).toBeFocused({ timeout: 90_000 });
}

test('the teacher fixes faces in one tap each, and no correction is silently undone', async ({
  page,
  request,
}, testInfo) => {
  const { teacher, auth, klass } = await setUpClass(request, 'review');
  await signInWithToken(page, teacher);
  await page.goto(`/attendance.html?class=${klass.id}`);
  await expect(page.locator('#summary')).toHaveText('Present 0 of 2, still absent 2 (Mira Lopez and Penny Lane).');

  const latest = page.locator('article.marking').first();
  await test.step('mark from the group photo: Mira recognised, the other faces are not', async () => {
    await markGroupPhoto(page);
    await expect(latest.locator('.face-row.marked')).toHaveCount(1);
    await expect(latest.locator('.face-row.marked')).toContainText(
      `${MIRA.name} (roll no. ${MIRA.rollNo}): marked present`,
    );
    expect(await latest.locator('.face-row.unknown, .face-row.review').count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('#summary')).toHaveText('Present 1 of 2, still absent 1 (Penny Lane).');
    await expect(page.locator('#summary')).toHaveAttribute('data-kind', 'success');
    // no raw score and no field name anywhere on the page
    await expect(page.locator('main')).not.toContainText(/similarity|score|0\.\d\d/);
  });

  await test.step('an unknown face is Penny: picked from the searchable roster', async () => {
    await latest.locator('.face-row.unknown, .face-row.review').first().click();
    const picker = page.getByRole('dialog', { name: /Who is face \d+\?/ });
    await expect(picker).toBeVisible();
    await expectAccessible(page, testInfo, 'attendance-picker');
    await screenshots(page, 'attendance-picker');
    await picker.getByLabel('Find a student').fill('penny');
    await expect(picker.locator('#picker-roster .choice')).toHaveCount(1);
    await picker.locator('#picker-roster .choice').click();
    await expect(picker).toBeHidden();
    await expect(page.locator('#review-status')).toContainText('Penny Lane is marked present');
    await expect(
      latest.locator('.face-row', { hasText: 'Penny Lane (roll no. 7B-02): marked present by you' }),
    ).toBeFocused();
    await expect(page.locator('#summary')).toHaveText('Present 2 of 2: everyone is here.');
    const faces = await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json();
    expect(faces.find((s) => s.name === 'Penny Lane').faces.map((f) => f.source)).toEqual(['LEARNED']);
  });

  await test.step('another face becomes a new student with the keyboard', async () => {
    const row = latest.locator('.face-row.unknown, .face-row.review').first();
    await row.focus();
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: /Who is face \d+\?/ });
    await picker.getByText('New student from this face').click();
    await picker.getByLabel('Name').fill('Nina Okafor');
    await picker.getByLabel('Roll number').fill('7B-03');
    await picker.getByRole('button', { name: 'Add student and mark present' }).click();
    await expect(picker).toBeHidden();
    await expect(
      latest.locator('.face-row', { hasText: 'Nina Okafor (roll no. 7B-03): marked present by you' }),
    ).toHaveCount(1);
    await expect(page.locator('#summary')).toHaveText('Present 3 of 3: everyone is here.');
  });

  await test.step('"not this student" takes Mira\'s mark away', async () => {
    await latest.locator('.face-row.marked', { hasText: MIRA.name }).click();
    const picker = page.getByRole('dialog', { name: /Who is face \d+\?/ });
    await picker.getByRole('button', { name: `Not ${MIRA.name}` }).click();
    await expect(picker).toBeHidden();
    await expect(page.locator('#review-status')).toContainText(`${MIRA.name} is absent again`);
    await expect(page.locator('#summary')).toHaveText('Present 2 of 3, still absent 1 (Mira Lopez).');
    await expect(page.locator('#absent')).toContainText(MIRA.name);
  });

  await test.step('Mira stays absent when the next photo shows her, until the teacher marks her present anyway', async () => {
    await markGroupPhoto(page);
    const kept = latest.locator('.face-row.kept');
    await expect(kept).toContainText(
      `${MIRA.name} (roll no. ${MIRA.rollNo}): kept absent, as you marked them absent today`,
    );
    await expect(page.locator('#absent')).toContainText(MIRA.name);
    await expectAccessible(page, testInfo, 'attendance-kept-absent');
    await kept.click();
    await page.getByRole('button', { name: `Mark ${MIRA.name} present anyway` }).click();
    await expect(page.locator('#summary')).toHaveText('Present 3 of 3: everyone is here.');
    await expect(latest.locator('.face-row.marked', { hasText: MIRA.name })).toHaveCount(1);
    await screenshots(page, 'attendance-reviewed');
  });

  await test.step("reloading shows the day's markings with their corrections", async () => {
    await page.reload();
    await expect(page.locator('article.marking')).toHaveCount(2);
    const first = page.locator('article.marking').last();
    await expect(
      first.locator('.face-row', { hasText: 'Penny Lane (roll no. 7B-02): marked present by you' }),
    ).toHaveCount(1);
    await expect(
      first.locator('.face-row', { hasText: 'you said it is not the student it was taken for' }),
    ).toHaveCount(1);
    await expect(page.locator('#summary')).toHaveText('Present 3 of 3: everyone is here.');
    await expect(first.locator('img.face-thumb').first()).toHaveJSProperty('complete', true);
    await expectAccessible(page, testInfo, 'attendance-reloaded');
    await screenshots(page, 'attendance-reloaded');
  });

  await test.step('the student page shows the face learned from the class photo', async () => {
    const students = await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json();
    const penny = students.find((s) => s.name === 'Penny Lane');
    await page.goto(`/student.html?class=${klass.id}&student=${penny.id}`);
    await expect(page.locator('#photos .photo')).toHaveCount(1);
    await expect(page.locator('#photos .photo')).toContainText('From the class photo of');
  });
});

test('the token is renewed before it expires, and chosen photos survive a new sign-in', async ({ page, request }) => {
  const { teacher, klass } = await setUpClass(request, 'session');

  await test.step('a token about to expire is exchanged for a fresh one; the old one stops working', async () => {
    await signInWithToken(page, { accessToken: teacher.accessToken, expiresIn: 120 });
    await page.goto(`/attendance.html?class=${klass.id}`);
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('rollcall.token')).accessToken))
      .not.toBe(teacher.accessToken);
    const renewed = await page.evaluate(() => JSON.parse(localStorage.getItem('rollcall.token')));
    expect(renewed.expiresAt - Date.now()).toBeGreaterThan(50 * 60 * 1000);
    expect(
      (await request.get('/api/account', { headers: { Authorization: `Bearer ${teacher.accessToken}` } })).status(),
    ).toBe(401);
    expect(
      (await request.get('/api/account', { headers: { Authorization: `Bearer ${renewed.accessToken}` } })).status(),
    ).toBe(200);
    await expect(page.locator('#summary')).toContainText('Present 0 of 2');
  });

  await test.step('the session ends while photos are chosen: they are offered again after signing in', async () => {
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('rollcall.token')).accessToken);
    // revoked on the server (as by a password change elsewhere), still in the page
    expect((await request.post('/api/auth/logout', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(
      204,
    );
    await page.getByLabel('Class photos (one or several)').setInputFiles(GROUP_PHOTO);
    await page.getByRole('button', { name: 'Mark from photos' }).click();
    await expect(page).toHaveURL(/signin\.html\?next=/, { timeout: 60_000 });
    await expect(page.locator('#notice')).toContainText('Please sign in again');
    await page.getByLabel('Email').fill(teacher.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`attendance\\.html\\?class=${klass.id}`));
    await expect(page.locator('#pending')).toContainText('You chose 1 photo');
    await page.getByRole('button', { name: 'Mark these photos now' }).click();
    await expect(page.getByRole('heading', { name: 'Faces found' })).toBeFocused({ timeout: 90_000 });
    await expect(page.locator('article.marking .face-row.marked')).toContainText(MIRA.name);
    await page.reload();
    await expect(page.locator('#pending')).toBeHidden();
  });
});

test('a student can be added without a photo', async ({ page, request }, testInfo) => {
  const teacher = await teacherViaApi(request, 'nophoto');
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const klass = await (
    await request.post('/api/classes', { headers: auth, data: { name: 'Grade 3 C', timezone: 'UTC' } })
  ).json();
  await signInWithToken(page, teacher);
  await page.goto(`/student-new.html?class=${klass.id}`);
  await page.getByLabel('Full name').fill('Omar Haddad');
  await page.getByLabel('Roll number').fill('3C-04');
  await page.getByRole('button', { name: 'Next: photo' }).click();
  await page.getByRole('button', { name: 'Save without a photo' }).click();
  await expect(page.getByRole('heading', { name: 'Student added' })).toBeFocused();
  await expect(page.locator('#done-text')).toHaveText(
    'Omar Haddad (roll no. 3C-04) is in the class, without a photo for now.',
  );
  await expectAccessible(page, testInfo, 'student-without-photo');
  await page.getByRole('link', { name: 'Back to the class' }).click();
  await expect(page.locator('#roster')).toContainText('Roll no. 3C-04 · no photo');
});
