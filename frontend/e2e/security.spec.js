// Hostile links against the real backend in Chromium: a crafted `next` must never take a teacher off our origin.
import { expect, PASSWORD, signInWithToken, teacherViaApi, test } from './helpers.js';

// Each of these is a path the browser would follow to another host (a backslash reads as a slash, a tab is dropped),
// or a page that is not one of ours.
const HOSTILE_NEXTS = [
  '/%5Cevil.example/phish',
  '/%09/evil.example/phish',
  '//evil.example/phish',
  'https://evil.example/phish',
  '/%5C%5Cevil.example',
  'javascript:alert(1)',
  '/%0A/evil.example/phish',
  '/api/account',
];

test.beforeEach(async ({ page }) => {
  // Should the page ever leave, the other site answers at once (and is seen) instead of a DNS error.
  await page.route(
    (url) => url.hostname.endsWith('evil.example'),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>phished</h1>' }),
  );
});

test('an already signed-in teacher given a hostile next stays on our own pages', async ({ page, request, baseURL }) => {
  const teacher = await teacherViaApi(request, 'redirect');
  await signInWithToken(page, teacher);
  for (const next of HOSTILE_NEXTS) {
    // The raw query is written as an attacker would put it in a link.
    await page.goto(`/signin.html?next=${next}`);
    await expect(page.getByRole('heading', { name: 'Your classes' }), `next=${next}`).toBeVisible({ timeout: 5_000 });
    expect(new URL(page.url()).origin, `next=${next}`).toBe(new URL(baseURL).origin);
    expect(new URL(page.url()).pathname, `next=${next}`).toBe('/');
  }
});

test('signing in from a link with a hostile next lands on the class list, a real next on its page', async ({
  page,
  request,
  baseURL,
}) => {
  const teacher = await teacherViaApi(request, 'redirect-form');
  await page.goto('/signin.html?next=/%09/evil.example/phish');
  await page.getByLabel('Email', { exact: true }).fill(teacher.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your classes' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);

  await page.goto('/signin.html?next=%2Faccount.html%3Ftab%3D1');
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/account.html?tab=1');
});
