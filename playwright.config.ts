// End-to-end tests: web mode in Debian's Chromium (tests/e2e/*.spec.ts), and the desktop app
// through Playwright's Electron driver (tests/e2e/electron/*.spec.ts; skipped when the machine
// has no Electron binary). `npm run test:e2e` builds first; the tests run the built dist/.
import { defineConfig, devices } from '@playwright/test'

const ci = Boolean(process.env.CI)

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  // Each test starts its own server (or app) on a free port, so two can run side by side, in CI
  // too: with one worker the 128 browser tests took 12 of CI's 21 minutes on a slow machine
  // (most of each test is its own server's start and page load, not the test's work).
  workers: 2,
  reporter: ci ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'on-first-retry',
    headless: true,
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'electron/**',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Debian's Chromium: Playwright's own browser download is not needed.
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/*.spec.ts',
    },
  ],
})
