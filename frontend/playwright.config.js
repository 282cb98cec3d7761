import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './e2e/fixtures.js';

// End-to-end tests in Debian's Chromium against the real backend jar (started by e2e/global-setup.js).
// One worker: the machine has two cores and the backend (PostgreSQL, Redis, the face engine) needs one of them.
export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.js',
  use: {
    launchOptions: { executablePath: CHROMIUM },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    permissions: ['camera'],
  },
});
