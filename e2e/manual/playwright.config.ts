// Hand-run checks that take too long for `npm test` (a 300,000-record extract):
//   npx playwright test -c e2e/manual/playwright.config.ts
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// Paths here are relative to this file: the same global setup (build the app once) as the end-to-end tests.
export default defineConfig({ ...base, globalSetup: '../buildOnce.ts', testDir: '.', testMatch: '*.manual.ts', timeout: 1_800_000 });
