// Steps several end-to-end tests take the way a user does.
import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';

/** Goes to a section of the side navigation. */
export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
}

/** Creates an encrypted store in the data folder from the first screen. */
export async function createStore(page: Page, dataDir: string, fileName: string): Promise<void> {
  await page.getByLabel('Store file').fill(join(dataDir, fileName));
  await page.getByLabel('Passphrase', { exact: true }).fill('a long passphrase');
  await page.getByLabel('Passphrase again').fill('a long passphrase');
  await page.getByRole('button', { name: 'Create encrypted store' }).click();
}

/** Types a file's path into its import card and previews it. */
export async function previewByPath(page: Page, kind: string, label: string, path: string): Promise<void> {
  const card = page.getByTestId(`file-${kind}`);
  await card.getByRole('textbox', { name: `${label} file`, exact: true }).fill(path);
  await card.getByRole('button', { name: /^(Preview|Reload preview)$/ }).click();
  await expect(card.getByRole('region', { name: /First rows/ })).toBeVisible();
}
