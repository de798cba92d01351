// The newcomer's path through the real app: create an encrypted store, get a clear error for a
// wrong passphrase, open the demo in one click and see the extract's counts.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAppHost, type AppHost } from './appHost';
import { expectAccessible } from './accessibility';

let app: AppHost;
test.beforeAll(async () => {
  app = await startAppHost();
});
test.afterAll(async () => {
  await app.stop();
});

test('create a store, reopen it with a wrong passphrase, then open the demo', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Matchlab' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/01-welcome.png' });
  await expectAccessible(page, 'welcome (create a store)');

  const storePath = join(app.dataDir, 'mine.mlstore');
  await page.getByLabel('Store file').fill(storePath);
  await page.getByLabel('Passphrase', { exact: true }).fill('a long passphrase');
  await page.getByLabel('Passphrase again').fill('a long passphrase');
  await page.getByRole('button', { name: 'Create encrypted store' }).click();
  await expect(page.getByText('This store holds no extract yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Close store' }).click();

  await page.getByRole('tab', { name: 'Open a store' }).click();
  await page.getByLabel('Store file').fill(storePath);
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
  await page.getByRole('button', { name: 'Open store' }).click();
  await expect(page.getByRole('alert')).toContainText('passphrase does not open this store');
  await page.screenshot({ path: 'test-results/screens/02-wrong-passphrase.png' });
  await expectAccessible(page, 'open a store (wrong passphrase)');

  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('counts')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('count-participants')).toContainText(/\d/);
  const cohort = await page.getByTestId('count-cohort').locator('.count-value').textContent();
  expect(Number(cohort!.replace(/,/g, ''))).toBe(20_000);
  // Provenance: the imported files with their checksums, and the audit trail of what was done.
  await expect(page.getByRole('cell', { name: 'cohort.csv', exact: true })).toBeVisible();
  await expect(page.getByTestId('audit-trail')).toContainText('Extract imported');
  await expect(page.getByTestId('audit-trail')).toContainText('Cohort step run');
  await page.screenshot({ path: 'test-results/screens/03-home.png', fullPage: true });
  await expectAccessible(page, 'extract (home)');

  // The store file on disk holds no readable text of the data.
  const raw = readFileSync(join(app.dataDir, 'demo.mlstore'));
  expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
});
