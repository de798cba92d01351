// A keyboard-only path through the real app (Tab, Shift+Tab, Enter, arrows and typing; no clicks): open the demo,
// run the presets with a changed organisation and caliper, move through the view tabs and the analysis tabs with
// the arrow keys, read Table 1. Then "nothing lost": an edit made just before closing the store is still there
// after the store is closed, the window reloaded (the renderer's memory gone) and the store opened again, which
// reopens on the section the analyst was on.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startAppHost, type AppHost } from './appHost';

let app: AppHost;
test.beforeAll(async () => {
  app = await startAppHost();
});
test.afterAll(async () => {
  await app.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${process.env.SHOTS_DIR ?? 'test-results/screens'}/keyboard-${name}.png` });

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 600 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${target.toString()}`);
}

/** Replaces a text field's content by typing, the field having the focus. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Opens the demo store; the first time on its Extract screen, then (reopened) where the analyst was: the analysis. */
async function openDemoAndAnalysis(page: Page, { reopened = false } = {}) {
  await tabTo(page, page.getByTestId('open-demo'));
  await page.keyboard.press('Enter');
  const nav = page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Analysis & results' });
  if (reopened) {
    await expect(nav).toHaveAttribute('aria-current', 'page', { timeout: 90_000 });
    return;
  }
  await expect(page.getByTestId('counts')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 90_000 });
  await tabTo(page, nav);
  await page.keyboard.press('Enter');
  await expect(nav).toHaveAttribute('aria-current', 'page');
}

test('keyboard only: run the presets, move through the tabs, read Table 1; the set-up survives closing', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(app.url);

  // The store screen's tabs: the arrow keys move and select.
  const create = page.getByRole('tab', { name: 'Create a store' });
  await tabTo(page, create);
  await page.keyboard.press('ArrowRight');
  const open = page.getByRole('tab', { name: 'Open a store' });
  await expect(open).toHaveAttribute('aria-selected', 'true');
  expect(await isFocused(open)).toBe(true);
  await expect(page.getByRole('button', { name: 'Open store' })).toBeVisible();
  await shot(page, '01-store-tabs');
  await page.keyboard.press('Home');
  await expect(create).toHaveAttribute('aria-selected', 'true');

  await openDemoAndAnalysis(page);

  // Set-up: the organisation and the National caliper, typed.
  const organisation = page.getByLabel(/^Organisation or programme/);
  await tabTo(page, organisation);
  await retype(page, 'Southwark IOM');
  const caliper = page.getByTestId('analysis-card-National').getByLabel('Caliper', { exact: true });
  await tabTo(page, caliper);
  await retype(page, '0.25');
  const runButton = page.getByTestId('run-analysis');
  await tabTo(page, runButton);
  await shot(page, '02-setup-run-focused');
  await page.keyboard.press('Enter');

  // The run opens on Matching quality, and the focus lands on that tab, not on the top of the page.
  const matching = page.getByRole('tab', { name: 'Matching quality' });
  await expect(matching).toHaveAttribute('aria-selected', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
  await expect.poll(() => isFocused(matching)).toBe(true);
  await expect(page.getByTestId('open-run')).toContainText('Southwark IOM');
  await shot(page, '03-matching-focused');

  // View tabs: Right selects Who was matched, Right again Results; Tab enters its panel on the selected analysis tab;
  // Right selects Regional.
  await page.keyboard.press('ArrowRight');
  const sets = page.getByRole('tab', { name: 'Who was matched' });
  await expect(sets).toHaveAttribute('aria-selected', 'true');
  expect(await isFocused(sets)).toBe(true);
  await page.keyboard.press('ArrowRight');
  const results = page.getByRole('tab', { name: 'Results' });
  await expect(results).toHaveAttribute('aria-selected', 'true');
  expect(await isFocused(results)).toBe(true);
  await expect(page.getByRole('heading', { name: 'Key findings: national analysis' })).toBeVisible();
  await page.keyboard.press('Tab');
  const analyses = page.getByRole('tablist', { name: 'Analysis of the key findings' });
  expect(await isFocused(analyses.getByRole('tab', { name: /^National/ }))).toBe(true);
  await page.keyboard.press('ArrowRight');
  const regional = analyses.getByRole('tab', { name: /^Regional/ });
  await expect(regional).toHaveAttribute('aria-selected', 'true');
  expect(await isFocused(regional)).toBe(true);
  await expect(page.getByRole('heading', { name: 'Key findings: regional analysis' })).toBeVisible();
  await shot(page, '04-analysis-tab-focused');
  // Right from the last analysis wraps to the first, Left back again.
  await page.keyboard.press('ArrowRight');
  await expect(analyses.getByRole('tab', { name: /^National/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(regional).toHaveAttribute('aria-selected', 'true');

  // Table 1 under the panel: both analyses, the chosen (Regional) row highlighted, its rate and difference filled.
  const table1 = page.getByTestId('table-1');
  await expect(table1.locator('tr[data-analysis="National"]')).toBeVisible();
  const regionalRow = table1.locator('tr[data-analysis="Regional"]');
  await expect(regionalRow).toHaveClass(/selected/);
  await expect(regionalRow.locator('td').nth(2)).toHaveText(/^\d+\.\d$/);
  await expect(regionalRow.locator('td').nth(4)).toHaveText(/^(-?\d+|\+\d+) to (-?\d+|\+\d+)$/);
  await expect(page.getByTestId('can-say-rate')).toContainText('Southwark IOM');
  await table1.scrollIntoViewIfNeeded();
  await table1.screenshot({ path: `${process.env.SHOTS_DIR ?? 'test-results/screens'}/keyboard-05-table-1.png` });

  // Back to the view tabs (Shift+Tab leaves the analysis tabs for the selected view tab); End and Home.
  await page.keyboard.press('Shift+Tab');
  expect(await isFocused(results)).toBe(true);
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Compare runs' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Set up and run' })).toHaveAttribute('aria-selected', 'true');
  await expect(organisation).toHaveValue('Southwark IOM');
  await expect(caliper).toHaveValue('0.25');

  // A field reached by Tab under the set-up's sticky Run bar is scrolled clear of it.
  const regionalCaliper = page.getByTestId('analysis-card-Regional').getByLabel('Caliper', { exact: true });
  await tabTo(page, regionalCaliper);
  const fieldBox = (await regionalCaliper.boundingBox())!;
  const barBox = (await page.locator('.setup-actions').boundingBox())!;
  expect(fieldBox.y + fieldBox.height).toBeLessThanOrEqual(barBox.y);

  // A last edit, then straight to "Close store" (well within the save delay): the edit is saved on leaving the field.
  await tabTo(page, caliper, { back: true });
  await retype(page, '0.3');
  const close = page.getByRole('button', { name: 'Close store' });
  await tabTo(page, close, { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('open-demo')).toBeVisible();

  // As if the app had been closed: the renderer starts afresh, and the set-up comes from the store.
  await page.reload();
  await openDemoAndAnalysis(page, { reopened: true });
  await expect(organisation).toHaveValue('Southwark IOM');
  await expect(caliper).toHaveValue('0.3');
  await shot(page, '06-setup-reopened');

  // Reset to the presets keeps the organisation and puts the caliper back; that too is kept.
  await tabTo(page, page.getByRole('button', { name: /^Reset to the National and Regional presets/ }));
  await page.keyboard.press('Enter');
  await expect(caliper).toHaveValue('0.1');
  await expect(organisation).toHaveValue('Southwark IOM');
  await page.waitForTimeout(1000);
  await tabTo(page, close, { back: true });
  await page.keyboard.press('Enter');
  await page.reload();
  await openDemoAndAnalysis(page, { reopened: true });
  await expect(caliper).toHaveValue('0.1');
});
