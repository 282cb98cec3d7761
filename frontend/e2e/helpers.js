import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base } from '@playwright/test';

export const PASSWORD = 'violet harbour cactus lantern';

/** The tests run against the backend started by the global setup (or ROLLCALL_BASE_URL given by the developer). */
export const test = base.extend({
  // Playwright reads a fixture's dependencies from its first parameter, so it must be a (here empty) pattern
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(process.env.ROLLCALL_BASE_URL),
});
export { expect };

export function uniqueEmail(label) {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@school.example`;
}

function filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  // The outbox writes each mail to a hidden `.…part` file and renames it into place: one listed while half written
  // is gone when read.
  return entries
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The newest 6-digit code mailed to `email`: with no SMTP configured the backend writes mails to <data>/outbox. */
export async function codeFromOutbox(email, { after = 0 } = {}) {
  const outbox = join(process.env.ROLLCALL_DATA_DIR, 'outbox');
  let found;
  await expect
    .poll(
      () => {
        const mails = filesUnder(outbox)
          .filter((f) => statSync(f).mtimeMs >= after)
          .map((f) => ({ f, text: readFileSync(f, 'utf8'), at: statSync(f).mtimeMs }))
          .filter(({ text }) => text.includes(email))
          .sort((a, b) => b.at - a.at);
        found = mails[0]?.text.match(/Code:\s*(\d{6})/)?.[1];
        return found;
      },
      { message: `a code mailed to ${email} in ${outbox}`, timeout: 15_000 },
    )
    .toBeTruthy();
  return found;
}

/** A verified teacher with a token, made through the public API (for tests that are about something else). */
export async function teacherViaApi(request, label) {
  const email = uniqueEmail(label);
  const started = Date.now() - 1000;
  expect((await request.post('/api/auth/email-otp', { data: { email } })).status()).toBe(202);
  const code = await codeFromOutbox(email, { after: started });
  expect((await request.post('/api/auth/email-verification', { data: { email, code } })).status()).toBe(204);
  expect(
    (
      await request.post('/api/auth/register', { data: { email, password: PASSWORD, displayName: `Teacher ${label}` } })
    ).status(),
  ).toBe(201);
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.status()).toBe(200);
  return { email, ...(await login.json()) };
}

/** Puts a token where the app keeps it, as if the teacher had signed in. */
export async function signInWithToken(page, { accessToken, expiresIn }) {
  await page.goto('/signin.html');
  await page.evaluate(
    ({ accessToken, expiresIn }) =>
      localStorage.setItem('rollcall.token', JSON.stringify({ accessToken, expiresAt: Date.now() + expiresIn * 1000 })),
    { accessToken, expiresIn },
  );
}

/** axe-core on the current page: every serious or critical finding fails the test. */
export async function expectAccessible(page, testInfo, name) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = results.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.length} node(s)`);
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify({ violations: summary, passes: results.passes.length }, null, 2),
    contentType: 'application/json',
  });
  console.log(
    `axe ${name}: ${results.passes.length} rules pass, violations: ${summary.length ? summary.join('; ') : 'none'}`,
  );
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${name}`,
  ).toEqual([]);
}

/** Full-page screenshots at phone and laptop width, kept in test-results/screenshots for a person to look at. */
export async function screenshots(page, name) {
  const original = page.viewportSize();
  for (const [label, size] of [
    ['phone', { width: 375, height: 812 }],
    ['laptop', { width: 1280, height: 800 }],
  ]) {
    await page.setViewportSize(size);
    // a whole-page picture leaves out an open dialog (it sits in the viewport, not on the page)
    const fullPage = (await page.locator('dialog[open]').count()) === 0;
    await page.screenshot({
      path: join(import.meta.dirname, '..', 'test-results', 'screenshots', `${name}-${label}.png`),
      fullPage,
    });
  }
  await page.setViewportSize(original);
}
