// The matching-quality tab's linked views in the real app, as an analyst judging a matching: the National analysis
// run with a wide caliper (0.2 SD) so that some rows are poorly matched. Click a Love-plot point and see its grid row
// and its distribution (a categorical level: bars; a numeric covariate: cumulative shares with the KS gap); the
// grid's filters thin the plot too; the same by keyboard only (the plot and the grid are one Tab stop each); the
// thresholds changed for the view only; a reload comes back to the row looked at. axe audits each state.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startAppHost, type AppHost } from './appHost';
import { nav } from './appActions';
import { expectAccessible } from './accessibility';

let app: AppHost;
test.beforeAll(async () => {
  app = await startAppHost();
});
test.afterAll(async () => {
  await app.stop();
});
test.use({ viewport: { width: 1366, height: 768 } });

const shotPath = (name: string) => `${process.env.SHOTS_DIR ?? 'test-results/screens'}/linked-${name}.png`;
/** The whole page, and the screen as the analyst sees it with the balance grid at its top. */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: shotPath(`${name}-page`), fullPage: true });
  await page.getByRole('heading', { name: 'Balance of every covariate' }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: shotPath(`${name}-grid`) });
  await page.getByTestId('love-plot').evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: shotPath(`${name}-plot`) });
}

const plotRow = (page: Page, key: string) => page.getByTestId('love-plot').locator(`[role=option][data-key="${key}"]`);
// A grid row is drawn in two parts (the pinned Variable column and the rest), both carrying its row-id.
const gridRow = (page: Page, key: string) => page.getByTestId('balance-grid').locator(`.ag-row[row-id="${key}"]`);
const gridRows = (page: Page, extra = '') => page.getByTestId('balance-grid').locator(`.ag-row${extra} .ag-cell[col-id="variable"]`);
const selectedKey = (page: Page) => page.getByTestId('love-plot').locator('[role=option][aria-selected=true]').getAttribute('data-key');

/** The row is selected in both views: the plot's option and the grid's row. */
async function expectSelected(page: Page, key: string) {
  await expect(plotRow(page, key)).toHaveAttribute('aria-selected', 'true');
  await expect(gridRow(page, key).first()).toHaveClass(/ag-row-selected/);
  await expect(gridRows(page, '.ag-row-selected')).toHaveCount(1);
}

async function count(l: Locator): Promise<number> {
  return Number((await l.textContent())!.replace(/,/g, ''));
}

test('click a Love-plot point and see its row and distribution, the same by keyboard, filters and view thresholds', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(app.url);
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('counts')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 90_000 });
  await nav(page, 'Analysis & results');
  await page.getByTestId('analysis-card-National').getByLabel('Caliper', { exact: true }).fill('0.2');
  await page.getByTestId('run-analysis').click();
  await expect(page.getByRole('tab', { name: 'Matching quality' })).toHaveAttribute('aria-selected', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
  await page.getByRole('tablist', { name: 'Analysis' }).getByRole('tab', { name: /^National/ }).click();

  // MatchIt's sample sizes are on this tab too.
  await expect(page.getByTestId('sample-sizes')).toContainText('Matched (effective size)');
  // The view opens on the least well matched row: poorly matched, selected in both views, its distribution drawn.
  const poorly = await count(page.getByTestId('band-count-poorly'));
  expect(poorly).toBeGreaterThan(0);
  const first = (await selectedKey(page))!;
  await expectSelected(page, first);
  await expect(gridRow(page, first).locator('[col-id=band]')).toHaveText('Poorly');

  // A categorical level, clicked on the plot: its grid row is selected and shown, and the distribution panel draws
  // every level of the covariate as bars, this one marked.
  await plotRow(page, 'ethnicity|White').click();
  await expectSelected(page, 'ethnicity|White');
  const distribution = page.getByTestId('covariate-distribution');
  await expect(page.getByTestId('distribution-title')).toHaveText('ethnicity: share of each level');
  const levels = await gridRows(page, '[row-id^="ethnicity|"]').count();
  await expect(page.getByTestId('distribution-after').locator('.level-row')).toHaveCount(await page.getByTestId('love-plot').locator('[role=option][data-key^="ethnicity|"]').count());
  expect(levels).toBeGreaterThan(0);
  await expect(page.getByTestId('distribution-after').locator('.level-row.selected')).toContainText('White');
  // The figures are the grid's: the matched treated's share of White is the grid's "Treated (matched)" cell.
  const treatedShare = (await gridRow(page, 'ethnicity|White').locator('[col-id=treatedMean]').textContent())!;
  await expect(page.getByTestId('distribution-after').locator('.level-row.selected .bar-share').first()).toHaveText(treatedShare);
  await expectAccessible(page, 'matching quality, a categorical level selected');
  await shot(page, '1366-categorical');

  // The grid's filters apply to the plot: finding "age" leaves the same rows in both, each point where it was (the
  // axis stays the whole table's).
  const ageBefore = () => plotRow(page, 'age_at_index|').locator('circle.dot-before').getAttribute('cx');
  const ageAtFullTable = await ageBefore();
  await page.getByLabel('Find a covariate').fill('age');
  await expect(page.getByTestId('rows-shown')).toContainText(/^\d+ of \d+ rows shown$/);
  const found = Number((await page.getByTestId('rows-shown').textContent())!.split(' ')[0]);
  expect(found).toBeGreaterThan(0);
  await expect(page.getByTestId('love-plot').locator('[role=option]')).toHaveCount(found);
  await expect(gridRows(page)).toHaveCount(found);
  expect(await ageBefore()).toBe(ageAtFullTable);
  // A numeric covariate, clicked in the grid: the plot selects it, the distribution is cumulative, with the KS.
  await gridRow(page, 'age_at_index|').locator('[col-id=smdAfter]').click();
  await expectSelected(page, 'age_at_index|');
  await expect(page.getByTestId('distribution-title')).toHaveText('age_at_index: cumulative share');
  await expect(distribution.locator('path.step-treated')).toHaveCount(2);
  const ks = (await gridRow(page, 'age_at_index|').locator('[col-id=ksAfter]').textContent())!;
  expect(ks).toMatch(/^0\.\d{3}$/);
  await expect(distribution.locator('figcaption')).toContainText(`KS after ${ks}`);
  await expectAccessible(page, 'matching quality, a numeric covariate selected');
  await shot(page, '1366-numeric');
  // Widening the filter again keeps the row looked at.
  await page.getByLabel('Find a covariate').fill('');
  await expect(page.getByTestId('rows-shown')).toContainText(/^All \d+ rows shown$/);
  await expectSelected(page, 'age_at_index|');

  // Only the rows not well matched: the plot keeps the same rows as the grid.
  await page.getByRole('checkbox', { name: /^Well/ }).uncheck();
  const notWell = poorly + (await count(page.getByTestId('band-count-reasonably')));
  await expect(page.getByTestId('love-plot').locator('[role=option]')).toHaveCount(notWell);
  await expect(gridRows(page)).toHaveCount(notWell);
  await page.getByRole('checkbox', { name: /^Well/ }).check();

  // Keyboard only. The grid is one Tab stop: from the find field, Tab goes through the view's thresholds into the
  // grid (its header), and one more Tab leaves it for the Love plot.
  await page.getByLabel('Find a covariate').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Well under')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Reasonably under')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('balance-grid').locator('.ag-header-cell:focus, .ag-header-group-cell:focus')).toHaveCount(1);
  // Inside the grid the arrow keys move: down from the header onto the first row selects it everywhere.
  await page.keyboard.press('ArrowDown');
  const top = (await page.getByTestId('balance-grid').locator('.ag-row[row-index="0"]').first().getAttribute('row-id'))!;
  await expectSelected(page, top);
  await page.keyboard.press('ArrowDown');
  const second = (await page.getByTestId('balance-grid').locator('.ag-row[row-index="1"]').first().getAttribute('row-id'))!;
  await expectSelected(page, second);
  await page.keyboard.press('Tab');
  const plot = page.getByTestId('love-plot').getByRole('listbox');
  await expect(plot).toBeFocused();
  // In the plot the arrows move between points in the plot's order; Home goes to the first.
  const order = await page.getByTestId('love-plot').locator('[role=option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!));
  await page.keyboard.press('Home');
  await expectSelected(page, order[0]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expectSelected(page, order[2]);
  await expect(plot).toHaveAttribute('aria-activedescendant', (await plotRow(page, order[2]).getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  await expectSelected(page, order[1]);
  await expect(page.getByTestId('covariate-distribution')).toBeVisible();
  await page.getByTestId('love-plot').screenshot({ path: shotPath('1366-plot-keyboard') });
  await expectAccessible(page, 'matching quality, the Love plot focused');

  // Thresholds for this view only: looser bands re-band the grid and the plot, the run's gate does not move.
  const summary = (await page.getByTestId('matching-summary').textContent())!;
  await page.getByLabel('Well under').fill('50');
  await page.getByLabel('Reasonably under').fill('60');
  await expect(page.getByTestId('view-bands')).toContainText('Not the run’s: the run, its gate and its report keep 5% and 10%.');
  await expect(page.getByTestId('band-count-poorly')).toHaveText('0');
  await expect(page.getByTestId('matching-summary')).toHaveText(summary);
  await expectAccessible(page, 'matching quality, thresholds changed for the view');
  // An impossible pair is refused where it is typed.
  await page.getByLabel('Well under').fill('70');
  await expect(page.getByTestId('view-bands').getByRole('alert')).toContainText('well not above reasonably');
  await page.getByRole('button', { name: 'Back to the run’s' }).click();
  await expect(page.getByLabel('Well under')).toHaveValue('5');
  await expect(page.getByTestId('band-count-poorly')).toHaveText(String(poorly));

  // A reload comes back to the row looked at.
  await plotRow(page, 'ethnicity|White').click();
  await page.waitForTimeout(700);
  await page.reload();
  await expectSelected(page, 'ethnicity|White');

  // The width of a 1920 screen: the plot and the distribution side by side with the grid's columns in full.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await plotRow(page, 'age_at_index|').click();
  await expectSelected(page, 'age_at_index|');
  await shot(page, '1920-numeric');
  await plotRow(page, 'ethnicity|White').click();
  await shot(page, '1920-categorical');
});
