// Class settings against the real backend: rename a class (seen on the class page, the dashboard and through the
// API), names the server refuses (shown in the page, nothing changed), delete with confirmation (Cancel keeps it).
import { expect, signInWithToken, teacherViaApi, test } from './helpers.js';

test('rename a class, refuse an empty or too long name, delete it only after confirming', async ({ page, request }) => {
  const teacher = await teacherViaApi(request, 'classes');
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const create = async (name) =>
    (await request.post('/api/classes', { headers: auth, data: { name, timezone: 'Europe/Oslo' } })).json();
  const klass = await create('Grade 3 C');
  const other = await create('Grade 4 A');
  // the dashboard lists every class of the teacher (registration makes a first one), in the API's order
  const classesInApi = async () => await (await request.get('/api/classes', { headers: auth })).json();
  const namesBefore = (await classesInApi()).map((c) => c.name);
  expect(namesBefore).toEqual(expect.arrayContaining(['Grade 3 C', 'Grade 4 A']));
  const nameInApi = async () => (await (await request.get(`/api/classes/${klass.id}`, { headers: auth })).json()).name;
  await signInWithToken(page, teacher);

  const heading = page.getByRole('heading', { level: 1 });
  const nameField = page.getByLabel('Class name');
  const formError = page.locator('#class-form [data-error]');

  await test.step('rename on the class page', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Grade 3 C', exact: true }).click();
    await expect(heading).toHaveText('Grade 3 C');
    await page.getByText('Class settings').click();
    await expect(nameField).toHaveValue('Grade 3 C');
    await nameField.fill('  Grade 3 C Science  ');
    await page.getByRole('button', { name: 'Save class' }).click();
    await expect(page.locator('#class-form [data-saved]')).toHaveText('Class saved.');
    await expect(heading).toHaveText('Grade 3 C Science');
    await expect(page).toHaveTitle('Grade 3 C Science · Rollcall');
    expect(await nameInApi()).toBe('Grade 3 C Science');
  });

  await test.step('the new name is on the dashboard and stays after a reload', async () => {
    await page.getByRole('link', { name: 'Classes' }).first().click();
    await expect(page.getByRole('heading', { name: 'Your classes' })).toBeVisible();
    const cards = page.locator('.class-card h3');
    await expect(cards).toHaveText(namesBefore.map((n) => (n === 'Grade 3 C' ? 'Grade 3 C Science' : n)));
    await page.getByRole('link', { name: 'Grade 3 C Science' }).click();
    await expect(heading).toHaveText('Grade 3 C Science');
    await expect(page).toHaveTitle('Grade 3 C Science · Rollcall');
  });

  await test.step('an empty name gets the server’s message and changes nothing', async () => {
    await page.getByText('Class settings').click();
    // spaces pass the browser's `required` check; the page trims them and the server refuses the empty name
    await nameField.fill('   ');
    await page.getByRole('button', { name: 'Save class' }).click();
    await expect(formError).toHaveText('Name must not be blank');
    await expect(formError).toBeFocused();
    await expect(heading).toHaveText('Grade 3 C Science');
    expect(await nameInApi()).toBe('Grade 3 C Science');
  });

  await test.step('a too long name: the field stops at 100 characters, and the server refuses longer ones', async () => {
    const tooLong = 'x'.repeat(101);
    await nameField.fill(tooLong);
    await expect(nameField).toHaveValue('x'.repeat(100));
    // a browser that does not enforce maxlength still gets the server's answer in the page
    await nameField.evaluate((el) => el.removeAttribute('maxlength'));
    await nameField.fill(tooLong);
    await page.getByRole('button', { name: 'Save class' }).click();
    await expect(formError).toHaveText('Name must be at most 100 characters long');
    await expect(formError).toBeFocused();
    await expect(heading).toHaveText('Grade 3 C Science');
    expect(await nameInApi()).toBe('Grade 3 C Science');
    const answer = await request.patch(`/api/classes/${klass.id}`, { headers: auth, data: { name: tooLong } });
    expect(answer.status()).toBe(400);
    expect(answer.headers()['content-type']).toContain('application/problem+json');
    expect((await answer.json()).code).toBe('VALIDATION_FAILED');
  });

  await test.step('delete: Cancel keeps the class, confirming deletes it and goes to the dashboard', async () => {
    const deleteButton = page.getByRole('button', { name: 'Delete class…' });
    await deleteButton.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Delete Grade 3 C Science?');
    await expect(dialog).toContainText('All its students, their face photos and the attendance records are erased.');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(deleteButton).toBeFocused();
    await expect(heading).toHaveText('Grade 3 C Science');
    expect((await request.get(`/api/classes/${klass.id}`, { headers: auth })).status()).toBe(200);

    await deleteButton.click();
    await dialog.getByRole('button', { name: 'Delete class' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'Your classes' })).toBeVisible();
    await expect(page.locator('#notice')).toHaveText('Grade 3 C Science was deleted.');
    await expect(page.locator('.class-card h3')).toHaveText(namesBefore.filter((n) => n !== 'Grade 3 C'));
    const gone = await request.get(`/api/classes/${klass.id}`, { headers: auth });
    expect(gone.status()).toBe(404);
    expect((await gone.json()).code).toBe('CLASS_NOT_FOUND');
    const left = (await classesInApi()).map((c) => c.id);
    expect(left).toContain(other.id);
    expect(left).not.toContain(klass.id);
    expect(left).toHaveLength(namesBefore.length - 1);
  });
});

test('pages name their class `class`; links of earlier versions (class.html?id=, student.html?…&id=) still work', async ({
  page,
  request,
}) => {
  const teacher = await teacherViaApi(request, 'links');
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const klass = await (
    await request.post('/api/classes', { headers: auth, data: { name: 'Grade 5 B', timezone: 'Europe/Oslo' } })
  ).json();
  const student = await (
    await request.post(`/api/classes/${klass.id}/students`, {
      headers: auth,
      data: { name: 'Ola Nordmann', rollNo: '5B-01' },
    })
  ).json();
  await signInWithToken(page, teacher);

  await page.goto(`/class.html?id=${klass.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grade 5 B');
  await expect(page.getByRole('link', { name: 'Ola Nordmann', exact: true })).toHaveAttribute(
    'href',
    `/student.html?class=${klass.id}&student=${student.id}`,
  );
  await expect(page.getByRole('link', { name: 'History' })).toHaveAttribute('href', `/history.html?class=${klass.id}`);

  await page.goto(`/student.html?class=${klass.id}&id=${student.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ola Nordmann');
  const crumb = page.locator('.crumbs a#class-link');
  await expect(crumb).toHaveText('Grade 5 B');
  await expect(crumb).toHaveAttribute('href', `/class.html?class=${klass.id}`);
  // the first range shown is the server's default (rollcall.attendance.default-range-days, 30 days up to today)
  await expect(page.locator('#attendance-summary')).toContainText('between');
  const from = await page.locator('#range-form #from').inputValue();
  const to = await page.locator('#range-form #to').inputValue();
  expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(29);
});

test('the pages check the server’s limits: photos per marking, the password length', async ({ page, request }) => {
  const teacher = await teacherViaApi(request, 'limits');
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const limits = await (await request.get('/api/limits')).json();
  const klass = await (
    await request.post('/api/classes', { headers: auth, data: { name: 'Grade 6 C', timezone: 'Europe/Oslo' } })
  ).json();
  await signInWithToken(page, teacher);

  await page.goto(`/attendance.html?class=${klass.id}`);
  await expect(page.locator('#class-link')).toHaveText('Grade 6 C');
  const photo = (i) => ({ name: `photo-${i}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]) });
  await page
    .getByLabel('Class photos (one or several)')
    .setInputFiles(Array.from({ length: limits.attendance.maxPhotos + 1 }, (_, i) => photo(i)));
  await page.getByRole('button', { name: 'Mark from photos' }).click();
  await expect(page.locator('#photo-form [data-error]')).toHaveText(
    `Choose at most ${limits.attendance.maxPhotos} photos at a time.`,
  );

  await page.goto('/account.html');
  await expect(page.getByLabel('New password')).toHaveAttribute('minlength', String(limits.password.minLength));
  await expect(page.locator('#new-password-help')).toContainText(`At least ${limits.password.minLength} characters`);
});
