// The roster against the real backend: enrol by file, edit, add and remove a face photo, a face that already belongs
// to another student (refused, then enrolled once the teacher confirms they are different people), delete with
// confirmation.
import { FACE_PHOTO } from './fixtures.js';
import { expect, signInWithToken, teacherViaApi, test } from './helpers.js';

test('enrol by file, edit the student, add and remove a photo, refuse a second student with the same face until confirmed, delete', async ({
  page,
  request,
}) => {
  const teacher = await teacherViaApi(request, 'roster');
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const klass = await (
    await request.post('/api/classes', { headers: auth, data: { name: 'Grade 5 A', timezone: 'Asia/Dhaka' } })
  ).json();
  await signInWithToken(page, teacher);

  // enrol by file: the picked photo passes the same in-browser check, then the server's
  await page.goto(`/student-new.html?class=${klass.id}`);
  await page.getByLabel('Full name').fill('Lena Park');
  await page.getByLabel('Roll number').fill('5A-07');
  await page.getByRole('button', { name: 'Next: photo' }).click();
  await page.locator('#capture input[type=file]').setInputFiles(FACE_PHOTO);
  await expect(page.locator('#capture')).toHaveAttribute('data-state', 'review', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Save student' }).click();
  await expect(page.getByRole('heading', { name: 'Student added' })).toBeFocused({ timeout: 60_000 });

  // the same face for a second student is refused, in words, and nothing is written
  await page.getByRole('link', { name: 'Add another student' }).click();
  await page.getByLabel('Full name').fill('Someone Else');
  await page.getByLabel('Roll number').fill('5A-08');
  await page.getByRole('button', { name: 'Next: photo' }).click();
  await page.locator('#capture input[type=file]').setInputFiles(FACE_PHOTO);
  await page.getByRole('button', { name: 'Save student' }).click();
  const refusal = page.locator('#capture [role=alert]');
  await expect(refusal).toContainText('Lena Park', { timeout: 60_000 });
  await expect(refusal).toBeFocused();
  const afterRefusal = await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json();
  expect(afterRefusal.map((s) => s.name)).toEqual(['Lena Park']);
  const [lena] = afterRefusal;

  // the teacher knows better (twins): confirming sends the same photo again, and the student is created
  await page.getByRole('button', { name: 'They are different people (e.g. twins) — enrol anyway' }).click();
  await expect(page.getByRole('heading', { name: 'Student added' })).toBeFocused({ timeout: 60_000 });
  await expect(page.locator('#done-text')).toContainText('Someone Else (roll no. 5A-08)');
  const morePhotosHref = await page.getByRole('link', { name: 'Add a second photo' }).getAttribute('href');

  // both are in the roster
  await page.goto(`/class.html?class=${klass.id}`);
  await expect(page.locator('#roster .student-card')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Edit Someone Else' })).toBeVisible();
  const twin = (await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json()).find(
    (s) => s.name === 'Someone Else',
  );
  expect(twin.faces).toHaveLength(1);
  expect(morePhotosHref).toBe(`/student.html?class=${klass.id}&student=${twin.id}`);

  // edit on the student page
  await page.getByRole('link', { name: 'Edit Lena Park' }).click();
  await expect(page.getByLabel('Full name')).toHaveValue('Lena Park');
  await page.getByLabel('Full name').fill('Lena Park-Moreau');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { name: 'Lena Park-Moreau' })).toBeVisible();

  // a second photo from a file: the face now also belongs to the twin, so it takes the same confirmation
  await page.getByRole('button', { name: 'Add a photo' }).click();
  await page.locator('#capture input[type=file]').setInputFiles(FACE_PHOTO);
  await page.getByRole('button', { name: 'Add this photo' }).click();
  await expect(refusal).toContainText('Someone Else', { timeout: 60_000 });
  await expect(refusal).toBeFocused();
  await page.getByRole('button', { name: 'They are different people (e.g. twins) — enrol anyway' }).click();
  await expect(page.locator('#photos-status')).toHaveText('Photo added.', { timeout: 60_000 });
  await expect(page.getByRole('img', { name: /^Face photo \d of Lena Park-Moreau$/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Remove photo 2' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.locator('#photos-status')).toHaveText('Photo removed.');
  await expect(page.getByRole('img', { name: /^Face photo \d of Lena Park-Moreau$/ })).toHaveCount(1);

  // delete from the roster: Cancel keeps the student, confirming deletes
  await page.getByRole('link', { name: 'Grade 5 A' }).click();
  await page.getByRole('button', { name: 'Delete Lena Park-Moreau' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('#roster .student-card')).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete Lena Park-Moreau' }).click();
  await expect(page.getByRole('dialog')).toContainText('Their face photos and attendance records are erased too.');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete student' }).click();
  await expect(page.locator('#roster-status')).toHaveText('Lena Park-Moreau was deleted. 1 student');
  await expect(page.locator('#roster .student-card')).toHaveCount(1);
  const students = await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json();
  expect(students.map((s) => s.id)).toEqual([twin.id]);
  expect(lena.id).not.toBe(twin.id);
});
