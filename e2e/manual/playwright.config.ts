// Hand-run checks that take too long for `npm test` (a 300,000-record extract):
//   npx playwright test -c e2e/manual/playwright.config.ts
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({ ...base, testDir: '.', testMatch: '*.manual.ts', timeout: 1_800_000 });
