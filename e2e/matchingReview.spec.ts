// Reviewing a matching in the real app at 1366x768, as an analyst tuning it by trial and error: run the presets with
// a National caliper of 0.1 and a tight Regional one, then again with 0.2; find an unmatched participant and why;
// open a treated person's matched set and walk to a comparison record and the treated it serves; name a run; compare
// the two runs; reload and come back to the same place; delete a run and undo it. axe audits every screen on the way.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startAppHost, type AppHost } from './appHost';
import { nav } from './appActions';
import { expectAccessible, expectReportAccessible } from './accessibility';

let app: AppHost;
test.beforeAll(async () => {
  app = await startAppHost();
});
test.afterAll(async () => {
  await app.stop();
});
test.use({ viewport: { width: 1366, height: 768 } });

const shot = (page: Page, name: string) => page.screenshot({ path: `${process.env.SHOTS_DIR ?? 'test-results/screens'}/review-${name}.png`, fullPage: true });
const view = (page: Page, name: string) => page.getByRole('tablist', { name: 'Analysis views' }).getByRole('tab', { name });

async function setCaliper(page: Page, analysis: string, value: string) {
  await page.getByTestId(`analysis-card-${analysis}`).getByLabel('Caliper', { exact: true }).fill(value);
}

/** When the job ends the screen opens the new run on its matching quality. */
async function runEnded(page: Page) {
  await expect(view(page, 'Matching quality')).toHaveAttribute('aria-selected', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
}

/** A table row whose header cell (th) reads `label`. */
const rowOf = (table: Locator, label: string) => table.locator('tr', { has: table.page().locator('th', { hasText: label }) });

test('find who was left unmatched and why, open matched sets, name, compare and delete runs', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(app.url);
  await expectAccessible(page, 'store screen');
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('counts')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 90_000 });
  await nav(page, 'Analysis & results');
  await expect(page.getByTestId('analysis-card-National')).toBeVisible();

  // First run: National caliper 0.1, and a Regional caliper so tight that some participants find no match.
  await setCaliper(page, 'National', '0.1');
  await setCaliper(page, 'Regional', '0.005');
  await page.getByTestId('run-analysis').click();
  // The progress card with Cancel stays in view however far down the analyst scrolls.
  await expect(page.locator('.jobs-sticky')).toHaveCSS('position', 'sticky');
  await runEnded(page);
  await expectAccessible(page, 'matching quality');

  // Who was matched: the Regional analysis lists its unmatched participants, each with why.
  await view(page, 'Who was matched').click();
  await page.getByRole('tablist', { name: 'Analysis of the matched sets' }).getByRole('tab', { name: /^Regional/ }).click();
  const unmatched = page.getByTestId('unmatched-list');
  await expect(unmatched.getByTestId('unmatched-row').first()).toBeVisible();
  const first = unmatched.getByTestId('unmatched-row').first();
  // The participant is named by the organisation's own reference, and the reason says which caliper it missed.
  await expect(first.locator('th')).toHaveText(/\S/);
  await expect(first).toContainText(/none within the caliper|all within the caliper taken|empty stratum/);
  await expect(first).toContainText(/caliper|stratum/);
  // MatchIt's sample sizes: the Regional treated not matched are those listed.
  const listed = Number((await unmatched.getByRole('heading').textContent())!.match(/\(([\d,]+)\)/)![1].replace(/,/g, ''));
  await expect(rowOf(page.getByTestId('sample-sizes'), 'Unmatched').locator('td').nth(1)).toHaveText(listed.toLocaleString('en-GB'));
  await shot(page, '01-unmatched-regional');
  await expectAccessible(page, 'who was matched (unmatched list)');

  // National: open a treated person's matched set, then one of its comparison records, then back.
  await page.getByRole('tablist', { name: 'Analysis of the matched sets' }).getByRole('tab', { name: /^National/ }).click();
  const finder = page.getByTestId('treated-finder');
  const firstTreated = finder.locator('tbody tr').first();
  const setSize = (await firstTreated.locator('td').last().textContent())!;
  const treatedId = (await firstTreated.locator('td code').textContent())!;
  await firstTreated.getByRole('button').click();
  const set = page.getByTestId('matched-set');
  await expect(set.getByRole('heading')).toContainText(treatedId);
  await expect(set.getByTestId('set-summary')).toContainText(`Matched to ${setSize} comparison record`);
  const member = set.getByTestId('set-members').locator('tbody tr').first();
  await expect(member).toBeVisible();
  const memberId = (await member.getByRole('button').textContent())!;
  await shot(page, '02-matched-set-national');
  // On a 1920 screen the view uses the width.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, '02b-matched-set-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await member.getByRole('button').click();
  await expect(set.getByRole('heading')).toContainText(`Comparison record ${memberId}`);
  await expect(set.getByTestId('set-summary')).toContainText('Serves');
  await expect(set.getByTestId('set-members')).toContainText(treatedId);
  await shot(page, '03-comparison-record-serves');
  await expectAccessible(page, 'who was matched (a comparison record)');
  await set.getByRole('button', { name: 'Back' }).click();
  await expect(set.getByRole('heading')).toContainText(treatedId);

  // Name the run, then run again with National's caliper at 0.2.
  await view(page, 'Set up and run').click();
  const runs = page.getByTestId('runs-list');
  await runs.getByRole('button', { name: /^Name or note the run/ }).first().click();
  await runs.getByLabel('Run name').fill('Caliper 0.1');
  await runs.getByLabel('Note').fill('National at 0.1 SD; Regional deliberately tight.');
  await runs.getByRole('button', { name: 'Save' }).click();
  await expect(runs.getByTestId('run-entry').first()).toContainText('Caliper 0.1');
  await expect(runs.getByTestId('run-entry').first()).toContainText('National at 0.1 SD');
  await setCaliper(page, 'National', '0.2');
  await setCaliper(page, 'Regional', '0.2');
  await page.getByTestId('run-analysis').click();
  await runEnded(page);
  await expect(page.getByTestId('open-run')).not.toContainText('Caliper 0.1');

  // Compare the two runs: the caliper row differs, the others do not; every run says whether it passes the gate.
  await view(page, 'Compare runs').click();
  const compare = page.getByTestId('compare-runs');
  await compare.getByRole('checkbox').nth(0).check();
  await compare.getByRole('checkbox').nth(1).check();
  const setupRow = (label: string) => page.getByTestId('compare-setup').locator(`tr[data-row="${label}"]`);
  await expect(setupRow('Caliper')).toHaveAttribute('data-differs', 'true');
  await expect(setupRow('Caliper').locator('td')).toHaveText(['0.2 SD', '0.1 SD']);
  await expect(setupRow('Matching method')).toHaveAttribute('data-differs', 'false');
  await expect(rowOf(page.getByTestId('compare-quality'), 'Matching-quality gate').locator('td')).toHaveText([/passes|does not pass/, /passes|does not pass/]);
  await expect(page.getByTestId('compare-estimates').locator('svg')).toHaveCount(3);
  await expect(page.getByTestId('compare-estimates').locator('svg').first()).toHaveAttribute('aria-label', /Caliper 0\.1/);
  await shot(page, '04-compare-runs');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, '04b-compare-runs-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await expectAccessible(page, 'compare runs');

  // A reload reopens the same section, view and runs being compared.
  await page.reload();
  await expect(view(page, 'Compare runs')).toHaveAttribute('aria-selected', 'true');
  await expect(setupRow('Caliper')).toHaveAttribute('data-differs', 'true');

  // Delete the named run; Undo brings it back; deleted again, it leaves the list and the comparison.
  await view(page, 'Set up and run').click();
  await runs.getByRole('button', { name: 'Delete the run Caliper 0.1' }).click();
  await expect(runs.getByTestId('run-entry')).toHaveCount(1);
  await expect(runs.getByRole('status')).toContainText('Deleted the run Caliper 0.1');
  await shot(page, '05-run-deleted');
  await expectAccessible(page, 'set up and run (a run deleted)');
  await page.getByTestId('undo-delete-run').click();
  await expect(runs.getByTestId('run-entry')).toHaveCount(2);
  await expect(runs).toContainText('Caliper 0.1');
  await runs.getByRole('button', { name: 'Delete the run Caliper 0.1' }).click();
  await expect(runs.getByTestId('run-entry')).toHaveCount(1);
  await view(page, 'Compare runs').click();
  await expect(page.getByTestId('compare-setup')).toHaveCount(0);

  // The other screens pass the audit too.
  await view(page, 'Results').click();
  await expectAccessible(page, 'results');
  await view(page, 'Report').click();
  await expect(page.frameLocator('[data-testid=report-frame]').getByText(/Table 1/).first()).toBeVisible();
  await expectAccessible(page, 'report');
  await expectReportAccessible(page);
  for (const section of ['Extract', 'Browse data', 'Cohort & funnel', 'Import']) {
    await nav(page, section);
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section })).toHaveAttribute('aria-current', 'page');
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, section);
  }
});
