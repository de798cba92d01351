// The Analysis screen on the demo store: run the National and Regional presets untouched, read the matching
// quality (grid and Love plot), the Regional results (Table 1, "What you can say"), then change National's caliper,
// run again, and find both runs stored.
import { expect, test, type Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { startAppHost, type AppHost } from './appHost';
import { formatFixed } from '../shared/format/numberFormat';

let app: AppHost;
test.beforeAll(async () => {
  app = await startAppHost();
});
test.afterAll(async () => {
  await app.stop();
});

// SHOTS_DIR: somewhere else to put the screens (test-results is emptied by any other Playwright run).
const screenPath = (name: string) => `${process.env.SHOTS_DIR ?? 'test-results/screens'}/analysis-${name}.png`;
const shot = (page: Page, name: string) => page.screenshot({ path: screenPath(name), fullPage: true });

async function runAndWait(page: Page) {
  await page.getByTestId('run-analysis').click();
  // When the job ends the screen opens the new run on its matching-quality view.
  await expect(page.getByRole('tab', { name: 'Matching quality' })).toHaveAttribute('aria-selected', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
}

test('run the presets, read matching quality and results, re-run with a new caliper', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(app.url);
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('counts')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Analysis & results' }).click();

  // The presets are ready: National (headline) and Regional, nothing run yet.
  await expect(page.getByTestId('analysis-card-National')).toBeVisible();
  await expect(page.getByTestId('analysis-card-Regional')).toBeVisible();
  await expect(page.getByTestId('runs-list')).toContainText('No run yet');
  await shot(page, '01-setup');

  // The organisation's own words go into the report as supplied.
  await page.getByText("The organisation's own words for the report").click();
  await page.getByTestId('programme-description').fill('We work with people leaving custody.\n\nReferral is by probation.');
  await runAndWait(page);
  const grid = page.getByTestId('balance-grid');
  // One cell of the variable column per grid row (the grid only renders the rows in view).
  const variableCells = grid.locator('.ag-cell[col-id="variable"]');
  await expect(variableCells.first()).toBeVisible();
  expect(await variableCells.count()).toBeGreaterThan(5);
  await expect(page.getByTestId('love-plot').locator('svg .love-row').first()).toBeVisible();
  await expect(page.getByTestId('matching-summary')).toContainText('In the national analysis,');
  // The presets pass the matching-quality gate on the demo: no banner.
  await expect(page.getByTestId('gate-banner')).toHaveCount(0);
  // The grid says what each SMD is computed from.
  await expect(grid.locator('.ag-header-group-cell')).toContainText(['Before matching', 'After matching']);
  await expect(grid.locator('.ag-header-cell[col-id="allTreatedMean"]')).toContainText('Treated (all)');
  await expect(grid.locator('.ag-header-cell[col-id="treatedMean"]')).toContainText('Treated (matched)');
  await shot(page, '02-matching-national');

  // The band filter keeps only rows not well matched: every band cell left says so.
  const filter = page.getByLabel(/Only rows not well matched/);
  const notWell = Number((await filter.locator('..').textContent())!.match(/\((\d+) of/)![1]);
  expect(notWell).toBeGreaterThan(0);
  await filter.check();
  await expect(variableCells).toHaveCount(notWell);
  const bands = await grid.locator('.ag-cell[col-id="band"]').allTextContents();
  expect(bands.every((b) => b === 'Reasonably' || b === 'Poorly')).toBe(true);
  await filter.uncheck();

  await page.getByRole('tab', { name: /^Regional/ }).click();
  await expect(page.getByTestId('matching-summary')).toContainText('In the regional analysis,');
  await page.getByTestId('love-plot').screenshot({ path: screenPath('03-love-plot-regional') });

  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(page.getByRole('heading', { name: 'Key findings: regional analysis' })).toBeVisible();
  // Table 1's Regional row: its treatment rate is the group's reoffenders over its size (from the group-size
  // table), in % points to 1 dp as the reference's tables, and its difference a CI like "-12 to +10".
  const sizes = page.getByTestId('group-sizes').locator('tbody tr', { hasText: 'Regional' }).locator('td');
  const n = Number((await sizes.nth(1).textContent())!.replace(/,/g, ''));
  const reoffenders = Number((await sizes.nth(2).textContent())!.replace(/,/g, ''));
  const row = page.getByTestId('table-1').locator('tr[data-analysis="Regional"] td');
  await expect(row.nth(2)).toHaveText(formatFixed((100 * reoffenders) / n, 1));
  await expect(row.nth(4)).toHaveText(/^(-?\d+|\+\d+) to (-?\d+|\+\d+)$/);
  await expect(page.getByTestId('can-say-rate')).toContainText('What you can say about the one-year reoffending rate:');
  await expect(page.getByTestId('can-say-rate')).toContainText('This analysis provides evidence that, for every 100 participants, the programme');
  await shot(page, '04-results-regional');
  await page.getByTestId('key-findings').screenshot({ path: screenPath('04a-key-findings') });
  await page.getByTestId('table-4').screenshot({ path: screenPath('04b-table-4') });
  await page.getByTestId('outcome-charts').screenshot({ path: screenPath('04c-charts') });

  // Leaving the section and coming back keeps the open run and the view.
  await page.getByRole('button', { name: 'Cohort & funnel' }).click();
  await page.getByRole('button', { name: 'Analysis & results' }).click();
  await expect(page.getByRole('heading', { name: 'Key findings: regional analysis' })).toBeVisible();

  // The Report tab previews the service's report of this run.
  await page.getByRole('tab', { name: 'Report' }).click();
  await expect(page.frameLocator('[data-testid=report-frame]').getByText(/Table 1/).first()).toBeVisible();
  await expect(page.frameLocator('[data-testid=report-frame]').getByRole('heading', { name: 'the programme: in their own words' })).toBeVisible();
  await expect(page.frameLocator('[data-testid=report-frame]').getByText('Referral is by probation.')).toBeVisible();
  await page.screenshot({ path: screenPath('07-report-tab') });

  // Export the Excel annex (aggregates), then the record-level matches only after ticking the box.
  await page.getByLabel('What').selectOption('xlsx');
  const annexPath = join(app.dataDir, 'exports', 'annex.xlsx');
  await page.getByLabel('Save as').fill(annexPath);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(annexPath);
  expect(statSync(annexPath).size).toBeGreaterThan(1000);
  // The same file again: the app asks before replacing it, and keeping it is the safe answer.
  const annexTime = statSync(annexPath).mtimeMs;
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const replace = page.getByRole('dialog', { name: 'Replace the existing file?' });
  await expect(replace).toContainText(annexPath);
  await expect(replace.getByRole('button', { name: 'Keep the existing file' })).toBeFocused();
  await page.screenshot({ path: screenPath('08-replace-question') });
  await replace.getByRole('button', { name: 'Keep the existing file' }).click();
  await expect(replace).toHaveCount(0);
  expect(statSync(annexPath).mtimeMs).toBe(annexTime);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await replace.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(annexPath);
  expect(statSync(annexPath).mtimeMs).toBeGreaterThan(annexTime);
  await page.getByText('Record-level export (matched records)').click();
  const matches = page.getByRole('button', { name: 'Export matches CSV' });
  await expect(matches).toBeDisabled();
  await page.getByLabel('I need record-level data').check();
  await matches.click();
  await expect(page.getByRole('status').filter({ hasText: 'records to' })).toBeVisible();
  await page.screenshot({ path: screenPath('08-exported') });
  // The pairs CSV goes through the same writer: a second export to the same file asks before replacing it.
  const pairs = page.getByRole('button', { name: 'Export pairs CSV' });
  await pairs.click();
  await expect(page.getByRole('status').filter({ hasText: 'pairs to' })).toBeVisible();
  await pairs.click();
  await expect(replace).toContainText('/exports/pairs-');
  await page.screenshot({ path: screenPath('08b-replace-pairs') });
  await replace.getByRole('button', { name: 'Keep the existing file' }).click();
  await expect(replace).toHaveCount(0);

  // Change the National caliper and run again: two runs are stored.
  await page.getByRole('tab', { name: 'Set up and run' }).click();
  const caliper = page.getByTestId('analysis-card-National').getByLabel('Caliper', { exact: true });
  await caliper.fill('0.2');
  await runAndWait(page);
  await expect(page.getByTestId('open-run')).toBeVisible();

  // With CLI.md's caliper of 0.2 SD the demo's National analysis fails the matching-quality gate (METHOD.md 4a):
  // the banner names the poorly matched variable and what to try, and no finding is stated.
  await page.getByRole('tab', { name: /^National/ }).click();
  const banner = page.getByTestId('gate-banner');
  await expect(banner).toContainText('The groups of the national analysis were not adequately matched. Its findings are not reliable.');
  await expect(banner).toContainText(/The groups were poorly matched on the number of previous custodial sentences \(\+\d+\.\d%\)/);
  await expect(banner).toContainText('Match exactly on prev_custodial');
  await shot(page, '09-gate-matching');
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('key-findings')).not.toContainText('What you can say');
  await expect(page.getByTestId('key-findings')).not.toContainText('This is a statistically significant result');
  await expect(page.getByTestId('significant-results')).toHaveCount(0);
  await expect(page.getByTestId('table-1').locator('tr[data-analysis="National"] th')).toContainText('National†');
  await shot(page, '10-gate-results');
  await banner.screenshot({ path: screenPath('10a-gate-banner') });

  // The analyst records a justification: the findings are stated beside it, in the app and the report, and audited.
  await banner.getByText('Publish the findings anyway, with a written justification').click();
  const reason = 'Previous custodial sentences are capped in this extract; checked against the case files.';
  await banner.getByRole('textbox').fill(reason);
  await banner.getByRole('button', { name: 'Record the justification' }).click();
  await expect(page.getByTestId('gate-justification')).toContainText(reason);
  await expect(page.getByTestId('can-say-rate')).toContainText('What you can say about the one-year reoffending rate:');
  await shot(page, '11-gate-justified');
  await page.getByRole('tab', { name: 'Matching quality' }).click();
  const summary = (await page.getByTestId('matching-summary').textContent())!;
  await page.getByRole('tab', { name: 'Report' }).click();
  const report = page.frameLocator('[data-testid=report-frame]');
  await expect(report.locator('.title-gate')).toContainText('Its findings are published on the analyst’s justification, printed beside them.');
  await expect(report.locator('blockquote.justification')).toContainText(reason);
  // One voice: the app's matching summary is the report's, word for word.
  await expect(report.locator('#matching')).toContainText(summary);
  await page.getByRole('button', { name: 'Extract' }).click();
  await expect(page.getByTestId('audit-trail')).toContainText(`National (run `);
  await expect(page.getByTestId('audit-trail')).toContainText(reason);
  await page.getByRole('button', { name: 'Analysis & results' }).click();
  await page.getByRole('tab', { name: 'Set up and run' }).click();
  await expect(page.getByTestId('run-entry')).toHaveCount(2);
  await expect(caliper).toHaveValue('0.2');
  await shot(page, '05-two-runs');

  // A clear error before anything runs: a caliper that is not a number.
  await caliper.fill('abc');
  await page.getByTestId('run-analysis').click();
  await expect(page.getByRole('alert')).toContainText('“National”: the caliper must be a number above 0');
  await expect(caliper).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: screenPath('06-setup-error') });
  // The problem goes away as soon as it is fixed.
  await caliper.fill('0.15');
  await expect(page.getByText('The analysis cannot run yet')).toHaveCount(0);
  await expect(caliper).toHaveAttribute('aria-invalid', 'false');

  // Discarding edits can be undone: removing an analysis, resetting to the presets.
  await page.getByTestId('analysis-card-Regional').getByRole('button', { name: 'Remove analysis' }).click();
  await expect(page.getByTestId('analysis-card-Regional')).toHaveCount(0);
  await page.getByTestId('undo-setup').click();
  await expect(page.getByTestId('analysis-card-Regional')).toBeVisible();
  await page.getByRole('button', { name: 'Reset to the National and Regional presets' }).click();
  await expect(caliper).toHaveValue('0.1');
  await expect(page.getByRole('status').filter({ hasText: 'Reset the analyses' })).toBeVisible();
  await page.getByTestId('undo-setup').click();
  await expect(caliper).toHaveValue('0.15');
  await expect(page.getByTestId('undo-setup')).toHaveCount(0);
});
