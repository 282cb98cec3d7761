// A photo of two people: the browser's check says so, the teacher sends it anyway, the server answers MULTIPLE_FACES
// with every face's box, and the teacher picks the student's face (keyboard here) to enrol just that one. The photo
// is composed in the browser from two npm sample photos: the woman on the left of GROUP_PHOTO beside a face of
// another photo of the same package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUP_PHOTO } from './fixtures.js';
import { expect, expectAccessible, screenshots, signInWithToken, teacherViaApi, test } from './helpers.js';

const OTHER_PHOTO = join(GROUP_PHOTO, '..', 'sample3.jpg');

/** Draws [file, sx, sy, sw, sh] regions side by side, each scaled to 480×600, into one JPEG. */
async function compose(page, name, regions) {
  const b64 = await page.evaluate(
    async (parts) => {
      const canvas = new OffscreenCanvas(480 * parts.length, 600);
      const ctx = canvas.getContext('2d');
      for (const [i, [src, sx, sy, sw, sh]] of parts.entries()) {
        const img = new Image();
        img.src = src;
        await img.decode();
        ctx.drawImage(img, sx, sy, sw, sh, 480 * i, 0, 480, 600);
      }
      const bytes = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer(),
      );
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    regions.map(([file, ...r]) => [`data:image/jpeg;base64,${readFileSync(file).toString('base64')}`, ...r]),
  );
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') };
}

// GROUP_PHOTO's woman on the left, and the largest face of OTHER_PHOTO
const LEFT_WOMAN = [GROUP_PHOTO, 368, 312, 320, 400];
const OTHER_FACE = [OTHER_PHOTO, 530, 285, 320, 400];
const twoFacePhoto = (page) => compose(page, 'two-people.jpg', [LEFT_WOMAN, OTHER_FACE]);

/** Picks, with the keyboard, the face button whose box lies in the photo's left half. */
async function pickLeftFace(page) {
  const picker = page.getByRole('group', { name: /This photo shows 2 faces/ });
  await expect(picker).toBeVisible({ timeout: 60_000 });
  const buttons = picker.getByRole('button', { name: /^Face \d of 2/ });
  await expect(buttons).toHaveCount(2);
  const lefts = await buttons.evaluateAll((els) => els.map((el) => parseFloat(el.style.left)));
  const left = lefts[0] < lefts[1] ? 0 : 1;
  await expect(buttons.nth(0)).toBeFocused();
  if (left === 1) await page.keyboard.press('Tab');
  await expect(buttons.nth(left)).toBeFocused();
  return { picker, index: left, press: () => page.keyboard.press('Enter') };
}

/** The student is marked from GROUP_PHOTO: the face enrolled was the left woman's, not the other photo's. */
async function expectMarkedFromGroupPhoto(request, auth, klass, studentId) {
  const marking = await request.post(`/api/classes/${klass.id}/attendance`, {
    headers: auth,
    multipart: { photo: { name: 'group.jpg', mimeType: 'image/jpeg', buffer: readFileSync(GROUP_PHOTO) } },
  });
  expect(marking.status()).toBe(200);
  const faces = (await marking.json()).faces.filter((f) => f.student?.id === studentId);
  expect(faces).toHaveLength(1);
  expect(faces[0].box.x).toBeLessThan(700); // the woman on the left of the party photo
}

test('add a student from a photo of two people: pick the student’s face', async ({ page, request }, testInfo) => {
  const teacher = await teacherViaApi(request, 'two-faces');
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const klass = await (
    await request.post('/api/classes', { headers: auth, data: { name: 'Two faces', timezone: 'UTC' } })
  ).json();
  await signInWithToken(page, teacher);
  await page.goto(`/student-new.html?class=${klass.id}`);
  await page.getByLabel('Full name').fill('Left Woman');
  await page.getByLabel('Roll number').fill('1');
  await page.getByRole('button', { name: 'Next: photo' }).click();
  await page.locator('#capture input[type=file]').setInputFiles(await twoFacePhoto(page));
  await expect(
    page.getByRole('alert').filter({ hasText: 'This photo cannot be used: only one face please.' }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Save student' })).toBeHidden();
  const enrolments = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/students'))
      enrolments.push(new URL(r.url()).searchParams.get('face'));
  });

  await page.getByRole('button', { name: 'Choose the student’s face in this photo' }).click();
  const { index, press } = await pickLeftFace(page);
  await expectAccessible(page, testInfo, 'face-picker');
  await screenshots(page, 'face-picker');
  await expect(page.getByRole('button', { name: /^Face \d of 2/ }).nth(index)).toBeFocused();
  await press();

  await expect(page.getByRole('heading', { name: 'Student added' })).toBeVisible({ timeout: 60_000 });
  expect(enrolments).toEqual([null, String(index)]); // first without a face, then with the picked one
  const students = await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json();
  expect(students).toHaveLength(1);
  expect(students[0].name).toBe('Left Woman');
  await expectMarkedFromGroupPhoto(request, auth, klass, students[0].id);
});

test('add a photo of two people to a student: back out and nothing is added, or pick the face', async ({
  page,
  request,
}) => {
  const teacher = await teacherViaApi(request, 'two-faces-add');
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const klass = await (
    await request.post('/api/classes', { headers: auth, data: { name: 'Two faces', timezone: 'UTC' } })
  ).json();
  await signInWithToken(page, teacher);
  // enrolled from OTHER_PHOTO's face alone: not marked from GROUP_PHOTO until the left woman's face is added
  const first = await compose(page, 'first.jpg', [OTHER_FACE]);
  const created = await request.post(`/api/classes/${klass.id}/students`, {
    headers: auth,
    multipart: {
      student: {
        name: 'student.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ name: 'Two Photos', rollNo: '7' })),
      },
      photo: first,
    },
  });
  expect(created.status()).toBe(201);
  const student = await created.json();
  const faceCount = async () =>
    (
      (await (await request.get(`/api/classes/${klass.id}/students/${student.id}`, { headers: auth })).json()).faces ??
      []
    ).length;
  expect(await faceCount()).toBe(1);
  await page.goto(`/student.html?class=${klass.id}&student=${student.id}`);
  const photo = await twoFacePhoto(page);

  // first attempt: the teacher sees the faces and backs out; nothing is added
  await page.getByRole('button', { name: 'Add a photo' }).click();
  await page.locator('#capture input[type=file]').setInputFiles(photo);
  await page.getByRole('button', { name: 'Choose the student’s face in this photo' }).click({ timeout: 60_000 });
  await expect(page.getByRole('group', { name: /This photo shows 2 faces/ })).toBeVisible({ timeout: 60_000 });
  const fileChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'None of these: use another photo' }).click();
  await (await fileChooser).setFiles(photo);
  expect(await faceCount()).toBe(1);

  // second attempt: the left face is picked and added
  await page.getByRole('button', { name: 'Choose the student’s face in this photo' }).click({ timeout: 60_000 });
  const { press } = await pickLeftFace(page);
  await press();
  await expect(page.getByRole('status').filter({ hasText: 'Photo added.' })).toBeVisible({ timeout: 60_000 });
  expect(await faceCount()).toBe(2);
  await expectMarkedFromGroupPhoto(request, auth, klass, student.id);
});
