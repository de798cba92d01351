import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real app (browser host + service + workers + encrypted store)
// in Debian's Chromium; no backend is stubbed.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/buildOnce.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1360, height: 900 },
    // UK analysts: dates as dd/mm/yyyy in date fields, as Electron shows them on their laptops.
    locale: 'en-GB',
    launchOptions: {
      executablePath: process.env.MATCHLAB_CHROMIUM ?? '/usr/bin/chromium',
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
});
