// How sure can we be? On the demo store: run the presets with Regional matched nearest 1:1 without replacement, read
// the sensitivity panel of each analysis (E-values; Rosenbaum bounds for Regional's matched pairs), run the
// robustness check, read its summary sentence and specification curve, add a covariate set and check again.
import { expect, test, type Page } from '@playwright/test';
import { startAppHost, type AppHost } from './appHost';
import { nav } from './appActions';

let app: AppHost;
test.beforeAll(async () => {
  app = await startAppHost();
});
test.afterAll(async () => {
  await app.stop();
});

const screenPath = (name: string) => `${process.env.SHOTS_DIR ?? 'test-results/screens'}/robustness-${name}.png`;

// The sentence in its usual form (X of Y, Z significant), or one of its forms for one, none or no passing specification.
const SUMMARY = /^The estimate’s direction \((a lower|a higher) reoffending rate for participants\) (holds in (\d+) of the (\d+) specifications that pass the matching-quality gate; \d+ of them (is|are) significant\.|holds in the only specification|does not hold in the only|holds in none of)|^None of the \d+ specifications passes the matching-quality gate/;

// A common laptop screen: the panels and the curve must read well at this size.
test.use({ viewport: { width: 1366, height: 768 } });

async function openResults(page: Page) {
  await page.goto(app.url);
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('counts')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 90_000 });
  await nav(page, 'Analysis & results');
  // Rosenbaum bounds need pairs: Regional (a radius preset) matched nearest 1:1 without replacement, its caliper kept.
  const regional = page.getByTestId('analysis-card-Regional');
  await regional.getByRole('combobox', { name: /^Method/ }).selectOption('nearest');
  await regional.getByLabel('Controls per treated person').fill('1');
  await regional.getByLabel('With replacement').uncheck();
  await page.getByTestId('run-analysis').click();
  await expect(page.getByRole('tab', { name: 'Matching quality' })).toHaveAttribute('aria-selected', 'true', { timeout: 120_000 });
  await page.getByRole('tab', { name: 'Results' }).click();
}

test('sensitivity to hidden bias and the robustness check on the demo', async ({ page }) => {
  test.setTimeout(400_000);
  await openResults(page);

  // National (radius): E-values only; it passes the matching-quality gate, so its sentences are stated.
  const sensitivity = page.getByTestId('sensitivity');
  await expect(sensitivity.getByTestId('sensitivity-rate')).toContainText(/an unrecorded factor, such as motivation, would need to be associated with both taking part and reoffending by a risk ratio of \d+\.\d\d each/i);
  await expect(sensitivity.getByTestId('sensitivity-pairs')).toHaveCount(0);
  await expect(sensitivity.getByTestId('sensitivity-withheld')).toHaveCount(0);
  await sensitivity.getByText('What this means, and the figures').click();
  await expect(sensitivity.getByRole('table').first()).toContainText('E-value of the estimate');
  await sensitivity.screenshot({ path: screenPath('01-sensitivity-national') });

  // Regional (nearest 1:1 without replacement) does not pass the matching-quality gate on the demo: nothing is said
  // about hidden bias, and the figures stay for review.
  await page.getByRole('tab', { name: /^Regional/ }).click();
  await expect(sensitivity.getByTestId('sensitivity-withheld')).toContainText('Nothing is said about hidden differences for this analysis');
  await expect(sensitivity.getByTestId('sensitivity-rate')).toHaveCount(0);
  await expect(sensitivity.getByTestId('sensitivity-pairs')).toHaveCount(0);
  await sensitivity.screenshot({ path: screenPath('02a-sensitivity-regional-withheld') });

  // The robustness check: one job, then the summary sentence and the curve for the chosen analysis.
  await page.getByRole('tab', { name: /^National/ }).click();
  const robustness = page.getByTestId('robustness');
  await robustness.getByTestId('check-robustness').click();
  await expect(page.getByTestId('job-progress')).toHaveCount(1);
  // The panel finds the running job by the run it checks (the job's own info says so).
  await expect(robustness.getByRole('status')).toContainText('Checking:');
  await expect(robustness.getByTestId('check-robustness')).toBeDisabled();
  const summary = robustness.getByTestId('robustness-summary');
  await expect(summary).toHaveText(SUMMARY, { timeout: 180_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
  const [, , , holding, passing] = (await summary.textContent())!.match(SUMMARY) ?? [];
  if (holding !== undefined) expect(Number(holding)).toBeLessThanOrEqual(Number(passing));
  const curve = robustness.getByTestId('specification-curve');
  // 36 specifications: 18 matchings with the own covariates and 18 without OASys items; the own one highlighted.
  await expect(curve.locator('g.spec-point')).toHaveCount(36);
  await expect(curve.locator('g.spec-point[data-own]')).toHaveCount(1);
  await expect(robustness.getByTestId('spec-detail')).toContainText('This analysis: The analysis’s own covariates; Radius, caliper 0.1 SD:');
  // Its estimate in the tables' formats: whole percentage points, the CI's bounds, p.
  await expect(robustness.getByTestId('spec-detail')).toContainText(/Radius, caliper 0\.1 SD: [+-]?\d+(\.\d+)? percentage points \(95% CI [+-]?[\d.]+ to [+-]?[\d.]+, p [<\d.]+\), (not )?significant; passes the matching-quality gate \(this analysis\)/);
  // Pointing at another specification says what it is.
  await curve.locator('g.spec-point').first().hover();
  await expect(robustness.getByTestId('spec-detail')).not.toContainText('This analysis');
  await robustness.screenshot({ path: screenPath('03-robustness-national') });

  // The frequency's curve is one tab away.
  await robustness.getByRole('tab', { name: 'Reoffending frequency' }).click();
  await expect(summary).toContainText(/reoffences per person for participants|None of the/);

  // The check covered Regional too; its findings are withheld, so its curves are shown for review without the
  // summary sentence, and the panel says why.
  await page.getByRole('tab', { name: /^Regional/ }).click();
  await expect(robustness.getByTestId('robustness-withheld')).toContainText(/^This analysis does not pass the matching-quality gate, so nothing is said about how robust its estimate is; /);
  await expect(summary).toHaveCount(0);
  await expect(curve.locator('g.spec-point[data-own]')).toHaveCount(1);
  await robustness.screenshot({ path: screenPath('03a-robustness-regional-withheld') });
  // Once the analyst justifies publishing its findings, the sentences are stated, the matched pairs' Rosenbaum bounds
  // too, and the robustness check's summary sentence.
  const banner = page.getByTestId('gate-banner');
  await banner.getByText('Publish the findings anyway, with a written justification').click();
  await banner.getByRole('textbox').fill('Ethnicity and sentence length are recorded differently in this region; checked against the case files.');
  await banner.getByRole('button', { name: 'Record the justification' }).click();
  await expect(page.getByTestId('gate-justification')).toBeVisible();
  await expect(sensitivity.getByTestId('sensitivity-withheld')).toHaveCount(0);
  await expect(sensitivity.getByTestId('sensitivity-pairs')).toContainText(/Of the \d+ pairs of a participant and their match, only the participant reoffended in \d+ and only the comparison person in \d+\./);
  // The explanation opened for National stays open.
  await expect(sensitivity.locator('details')).toHaveAttribute('open', '');
  await expect(sensitivity.getByRole('table').nth(1)).toContainText('Largest Γ still significant');
  await sensitivity.screenshot({ path: screenPath('02-sensitivity-regional') });
  await expect(robustness.getByTestId('robustness-withheld')).toHaveCount(0);
  await expect(summary).toHaveText(/^The estimate’s direction \(.+\) (holds|does not hold) in|^None of the \d+ specifications/);
  await page.getByRole('tab', { name: /^National/ }).click();

  // Add a covariate set and check again: it is run and listed.
  await robustness.getByRole('button', { name: 'Add a covariate set' }).click();
  await robustness.getByLabel('Name of the set').fill('Age and record');
  await robustness.getByRole('checkbox', { name: 'age_at_index' }).check();
  await robustness.getByRole('checkbox', { name: 'prev_offences' }).check();
  await robustness.getByRole('button', { name: 'Add the set' }).click();
  await expect(robustness.getByRole('list', { name: 'Covariate sets you added' })).toContainText('Age and record: prev_offences, age_at_index');
  await robustness.getByTestId('check-robustness').click();
  await expect(curve.locator('g.spec-point')).toHaveCount(54, { timeout: 180_000 });
  await expect(robustness.getByText('Age and record', { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: screenPath('04-results-page'), fullPage: true });

  // The report gains the robustness section: the same summary sentence, and a curve per headline measure.
  await robustness.getByRole('tab', { name: 'Reoffending rate' }).click();
  const sentence = (await summary.textContent())!;
  await page.getByRole('tab', { name: 'Report' }).click();
  const report = page.frameLocator('[data-testid=report-frame]');
  await expect(report.getByRole('heading', { name: 'Robustness across specifications' })).toBeVisible();
  await expect(report.locator('#robustness .robustness-sentence').first()).toHaveText(sentence);
  await expect(report.locator('#robustness svg.spec-curve').first()).toBeVisible();
});
