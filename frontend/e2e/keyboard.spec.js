// Keyboard only: from the roster a teacher adds a student with the (fake) camera using Tab, Shift+Tab, Enter and
// Space, never the mouse. Every control is reached in a sensible order and focus lands where the next step is.
import { CAMERAS, CHROMIUM } from './fixtures.js';
import { expect, signInWithToken, teacherViaApi, test } from './helpers.js';

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

/** What a screen reader would roughly call the focused element ('' when nothing is focused). */
function focusedName(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent;
    return name.replace(/\s+/g, ' ').trim();
  });
}

/** Presses `key` until the element named `name` has focus; returns the names focused on the way (the last is `name`). */
async function pressUntil(page, name, key = 'Tab', max = 30) {
  const passed = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    passed.push(await focusedName(page));
    if (passed.at(-1) === name) return passed;
  }
  throw new Error(`“${name}” was never focused with ${key}; focus went: ${passed.join(' → ')}`);
}

test('a student is added from the roster with the keyboard only', async ({ page, request }) => {
  const teacher = await teacherViaApi(request, 'keyboard');
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const klass = await (
    await request.post('/api/classes', { headers: auth, data: { name: 'Grade 2 D', timezone: 'Africa/Nairobi' } })
  ).json();
  await signInWithToken(page, teacher);
  await page.goto(`/class.html?class=${klass.id}`);
  await expect(page.locator('#roster-status')).toHaveText('No students yet. Add the first one.');

  await test.step('from the top of the roster, Tab reaches “Add student” after the header and the main actions', async () => {
    expect(await pressUntil(page, 'Add student')).toEqual([
      'Skip to content',
      'Rollcall',
      'Classes',
      'Account',
      'Sign out',
      'Classes',
      'Mark attendance',
      'Add student',
    ]);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/student-new\\.html\\?class=${klass.id}$`));
    await expect(page.getByRole('link', { name: 'Grade 2 D' })).toBeVisible();
  });

  await test.step('the details form, forwards and back', async () => {
    const toName = await pressUntil(page, 'Full name');
    expect(toName.slice(-3)).toEqual(['Classes', 'Grade 2 D', 'Full name']);
    await page.keyboard.type('Ada Obi');
    expect(await pressUntil(page, 'Roll number', 'Tab', 1)).toEqual(['Roll number']);
    await page.keyboard.type('2D-11');
    expect(await pressUntil(page, 'Next: photo', 'Tab', 2)).toEqual(['Email (optional)', 'Next: photo']);
    expect(await pressUntil(page, 'Full name', 'Shift+Tab', 3)).toEqual([
      'Email (optional)',
      'Roll number',
      'Full name',
    ]);
    await expect(page.getByLabel('Full name')).toHaveValue('Ada Obi');
    await pressUntil(page, 'Next: photo', 'Tab', 3);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '2. Face photo of Ada Obi' })).toBeFocused();
  });

  await test.step('the photo step: every control in order, the camera started with Space', async () => {
    expect(await pressUntil(page, 'Change the details', 'Tab', 3)).toEqual([
      'Use the camera',
      'Choose a photo',
      'Change the details',
    ]);
    expect(await pressUntil(page, 'Use the camera', 'Shift+Tab', 2)).toEqual(['Choose a photo', 'Use the camera']);
    await page.keyboard.press('Space');
    await expect(page.locator('#capture')).toHaveAttribute('data-state', 'review', { timeout: 60_000 });
    await expect(page.getByRole('img', { name: 'The photo to be saved' })).toBeVisible();
  });

  await test.step('the photo taken, focus is on “Save student”; Enter on “Retake” takes another', async () => {
    const save = page.getByRole('button', { name: 'Save student' });
    await expect(save).toBeFocused();
    expect(await pressUntil(page, 'Retake', 'Tab', 1)).toEqual(['Retake']);
    await page.keyboard.press('Enter');
    await expect(page.locator('#capture')).not.toHaveAttribute('data-state', 'review');
    // the Retake button has gone with the review: the camera's hint takes focus, not the top of the page
    await expect(page.locator('#capture .hint')).toBeFocused();
    await expect(page.locator('#capture')).toHaveAttribute('data-state', 'review', { timeout: 60_000 });
    await expect(save).toBeFocused();
  });

  await test.step('Enter on “Save student” confirms the photo', async () => {
    expect(await pressUntil(page, 'Retake', 'Tab', 1)).toEqual(['Retake']);
    expect(await pressUntil(page, 'Save student', 'Shift+Tab', 1)).toEqual(['Save student']);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Student added' })).toBeFocused({ timeout: 60_000 });
    await expect(page.locator('#done-text')).toHaveText('Ada Obi (roll no. 2D-11) is in the class.');
  });

  await test.step('back to the class: the student is in the roster', async () => {
    expect(await pressUntil(page, 'Back to the class', 'Tab', 3)).toEqual([
      'Add another student',
      'Add a second photo',
      'Back to the class',
    ]);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/class\\.html\\?class=${klass.id}$`));
    await expect(page.locator('#roster-status')).toHaveText('1 student');
    await expect(page.getByRole('link', { name: 'Ada Obi', exact: true })).toBeVisible();
    await expect(page.locator('#roster')).toContainText('Roll no. 2D-11 · 1 photo');
    const students = await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json();
    expect(students.map((s) => [s.name, s.rollNo, s.faces.length])).toEqual([['Ada Obi', '2D-11', 1]]);
  });
});
