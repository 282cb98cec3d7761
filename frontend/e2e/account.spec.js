// Account pages against the real backend: forgotten password, change of password, expired sessions, API errors in
// words a teacher understands.
import {
  codeFromOutbox,
  expect,
  expectAccessible,
  PASSWORD,
  screenshots,
  signInWithToken,
  teacherViaApi,
  test,
} from './helpers.js';

test('forgot password: the code from the mail sets a new password and the old token stops working', async ({
  page,
  request,
}, testInfo) => {
  const teacher = await teacherViaApi(request, 'forgot');
  const newPassword = 'a brand new classroom password';
  await page.goto('/signin.html');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  const started = Date.now() - 1000;
  await page.getByLabel('Email', { exact: true }).fill(teacher.email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect(page.getByLabel('Code from the email')).toBeFocused();
  await expectAccessible(page, testInfo, 'forgot');
  await screenshots(page, 'forgot');
  await page.getByLabel('Code from the email').fill('000000');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Code from the email').fill(await codeFromOutbox(teacher.email, { after: started }));
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toHaveText('Your password has been changed. Sign in with the new one.');
  expect(
    (await request.get('/api/account', { headers: { Authorization: `Bearer ${teacher.accessToken}` } })).status(),
  ).toBe(401);
  await page.getByLabel('Email', { exact: true }).fill(teacher.email);
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your classes' })).toBeVisible();
});

test('change password: a wrong current password is explained, the right one works', async ({ page, request }) => {
  const teacher = await teacherViaApi(request, 'change');
  await signInWithToken(page, teacher);
  await page.goto('/account.html');
  await page.getByLabel('Current password').fill('not my password at all');
  await page.getByLabel('New password').fill('another lantern harbour 42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toHaveText('That password is not right.');
  await expect(page).toHaveURL(/\/account\.html/); // a wrong password is not a lost session
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed. Other devices have been signed out.')).toBeVisible();
  const login = await request.post('/api/auth/login', {
    data: { email: teacher.email, password: 'another lantern harbour 42' },
  });
  expect(login.status()).toBe(200);
});

test('an expired token sends the teacher to sign in with a message, then back to the page', async ({
  page,
  request,
}) => {
  const teacher = await teacherViaApi(request, 'expired');
  await page.goto('/signin.html');
  await page.evaluate(
    (t) => localStorage.setItem('rollcall.token', JSON.stringify({ accessToken: t, expiresAt: Date.now() - 1000 })),
    teacher.accessToken,
  );
  await page.goto('/account.html');
  await expect(page).toHaveURL(/\/signin\.html\?next=%2Faccount\.html/);
  await expect(page.getByRole('status')).toHaveText('Your session has expired. Please sign in again.');
  await page.getByLabel('Email', { exact: true }).fill(teacher.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
});

test('sign-up errors are sentences: a taken email, a wrong code', async ({ page, request }) => {
  const teacher = await teacherViaApi(request, 'taken');
  await page.goto('/signup.html');
  await page.getByLabel('Email', { exact: true }).fill(teacher.email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await page.getByLabel('Code from the email').fill('123456');
  await page.getByLabel('Your name').fill('Someone Else');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toBeFocused();
  await expect(alert).not.toContainText(/INVALID|Exception|null/);
});
