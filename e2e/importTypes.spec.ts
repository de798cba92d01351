// Extra cohort columns through the UI: team codes written as numbers set to categorical by hand
// (kept in the draft across sections), another extra left to its values, both checked after the
// import in the summary and in the Analysis section's covariates; and a saved mapping deleted
// after a confirmation. Real host, real store, real worker.
import { expect, test } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppHost, type AppHost } from './appHost';
import { expectAccessible } from './accessibility';
import { createStore, nav, previewByPath } from './appActions';
import { writeDemoExtract, type DemoSummary } from '../electron/cli/demoCommand';

const RECORDS = 3000;
// SHOTS_DIR: somewhere else to put the screens (test-results is emptied by any other Playwright run).
const shot = (name: string) => `${process.env.SHOTS_DIR ?? 'test-results/screens'}/import-types-${name}.png`;
let app: AppHost;
let work: string;
let demo: DemoSummary;

test.beforeAll(async () => {
  app = await startAppHost();
  work = join(tmpdir(), `matchlab-import-types-e2e-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  demo = await writeDemoExtract(join(work, 'extract'), { records: RECORDS });
  // Three extra columns: team codes 101-105 (numbers that are categories), hours attended (a real
  // quantity) and a grade A-C (text).
  const [header, ...rows] = readFileSync(demo.files.cohort, 'utf8').trimEnd().split('\n');
  const extended = rows.map((line, i) => `${line},${101 + (i % 5)},${((i * 7) % 40) / 2},${'ABC'[i % 3]}`);
  writeFileSync(demo.files.cohort, [`${header},team_code,hours_attended,grade`, ...extended].join('\n') + '\n');
  // The participants file has an extra column too, which the importer does not keep.
  const [pHeader, ...pRows] = readFileSync(demo.files.participants, 'utf8').trimEnd().split('\n');
  writeFileSync(demo.files.participants, [`${pHeader},keyworker`, ...pRows.map((l, i) => `${l},KW${i % 3}`)].join('\n') + '\n');
});
test.afterAll(async () => {
  await app.stop();
  rmSync(work, { recursive: true, force: true });
});

test('set a numeric-looking code column to categorical, import, find it categorical; delete a saved mapping', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(app.url);
  await createStore(page, app.dataDir, 'types.mlstore');
  await nav(page, 'Import');
  await previewByPath(page, 'cohort', 'Cohort', demo.files.cohort);
  await previewByPath(page, 'reoffences', 'Proven reoffences', demo.files.reoffences);
  await previewByPath(page, 'participants', 'Participants', demo.files.participants);

  // Only the two extra columns are listed, each with what the preview rows suggest.
  const cohortCard = page.getByTestId('file-cohort');
  const extras = cohortCard.getByTestId('extra-types');
  await expect(extras.locator('tbody tr')).toHaveCount(3);
  const team = extras.getByTestId('extra-type-team_code');
  await expect(team).toContainText('101, 102, 103, 104, …');
  await expect(team).toContainText('first 20 values look numeric (5 different whole numbers): if they are codes, choose Categorical');
  await expect(extras.getByTestId('extra-type-hours_attended')).toContainText('numeric unless a later value is not a number');
  const teamType = extras.getByLabel('Type of team_code');
  await expect(teamType).toHaveValue('');
  await teamType.selectOption('Categorical');
  // Text set to numeric would fail the import: the row says so before it is started.
  const grade = extras.getByTestId('extra-type-grade');
  await expect(grade).toContainText('"A" (line 2) is not a number: categorical');
  await grade.getByLabel('Type of grade').selectOption('Numeric');
  await expect(grade.getByLabel('Type of grade')).toHaveAccessibleDescription('Set to numeric, the import lists every value that is not a number as a problem.');
  await extras.screenshot({ path: shot('01a-numeric-text') });
  await grade.getByLabel('Type of grade').selectOption('By its values (automatic)');
  await expect(grade).not.toContainText('Set to numeric');
  // The other files' extra columns are not imported, and their card says so.
  const participantsCard = page.getByTestId('file-participants');
  await expect(participantsCard.getByTestId('extra-types')).toHaveCount(0);
  await expect(participantsCard).toContainText("Other columns, not imported: keyworker (only the cohort file's other columns are kept, as covariates)");
  await extras.screenshot({ path: shot('01b-extra-columns') });

  // The choice is part of the draft: another section and back keeps it.
  await nav(page, 'Extract');
  await nav(page, 'Import');
  await expect(extras.getByLabel('Type of team_code')).toHaveValue('categorical');
  await expect(extras.getByLabel('Type of hours_attended')).toHaveValue('');

  // A saved mapping, then deleted: the confirmation has the safe answer focused, and Keep it keeps it.
  await cohortCard.getByLabel('Save this mapping as').fill('Team extract');
  await cohortCard.getByRole('button', { name: 'Save mapping' }).click();
  await expect(cohortCard.getByRole('status')).toContainText('Saved this mapping as "Team extract"');
  const saved = cohortCard.getByLabel('Saved cohort mappings');
  await saved.selectOption('Team extract');
  await cohortCard.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the saved mapping?' });
  await expect(confirm).toContainText('"Team extract" will no longer be offered');
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.screenshot({ path: shot('02-delete-confirm') });
  await expectAccessible(page, 'delete a saved mapping (confirmation)');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(saved.locator('option', { hasText: 'Team extract' })).toHaveCount(1);
  await cohortCard.getByRole('button', { name: 'Delete…' }).click();
  await confirm.getByRole('button', { name: 'Delete it' }).click();
  await expect(cohortCard.getByRole('status')).toContainText('Deleted the saved mapping "Team extract"');
  await expect(cohortCard.getByRole('status')).toBeFocused();
  await expect(saved.locator('option', { hasText: 'Team extract' })).toHaveCount(0);
  await expect(saved).toBeDisabled();
  await cohortCard.screenshot({ path: shot('03-cohort-card') });

  await page.getByTestId('import-start').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary.or(page.getByTestId('import-failed'))).toBeVisible({ timeout: 90_000 });
  if ((await summary.count()) === 0) throw new Error(`the import failed: ${await page.getByTestId('import-failed').textContent()}`);
  await expect(summary.getByTestId('column-type-team_code')).toHaveText('team_code categorical');
  await expect(summary.getByTestId('column-type-hours_attended')).toHaveText('hours_attended numeric');
  await expect(summary.getByTestId('column-type-grade')).toHaveText('grade categorical');
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 90_000 });
  await page.screenshot({ path: shot('04-done') });
  await expectAccessible(page, 'import done (extra column types)');

  // The store's own typing, as the Analysis section offers the covariates: categories for team_code only.
  await nav(page, 'Analysis & results');
  // Only categorical columns can be matched exactly; the covariate list marks them "categories".
  const national = page.getByTestId('analysis-card-National');
  const exact = national.getByRole('group', { name: 'Exact-match variables' });
  await expect(exact.getByRole('checkbox', { name: 'team_code' })).toBeVisible();
  await expect(exact.getByRole('checkbox', { name: 'hours_attended' })).toHaveCount(0);
  const covariates = national.getByRole('group', { name: /^Covariates of the score model/ });
  await expect(covariates.locator('label.check', { hasText: 'team_code' })).toContainText('categories');
  await expect(covariates.locator('label.check', { hasText: 'hours_attended' })).toBeVisible();
  await expect(covariates.locator('label.check', { hasText: 'hours_attended' })).not.toContainText('categories');
  await covariates.locator('label.check', { hasText: 'team_code' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('05-analysis-covariates') });

  // A fresh session asks the store: the deleted mapping is not offered any more.
  await page.reload();
  await nav(page, 'Import');
  await previewByPath(page, 'cohort', 'Cohort', demo.files.cohort);
  await expect(page.getByTestId('file-cohort').getByLabel('Saved cohort mappings').locator('option')).toHaveText(['none saved yet']);
});
