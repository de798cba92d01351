// Importing through the UI: a demo extract whose cohort file names one column differently (mapped
// by hand), browsing the result, then a broken file whose problems are listed by row and column,
// and the saved mapping offered on the next import. Real host, real store, real worker.
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppHost, type AppHost } from './appHost';
import { createStore, nav, previewByPath } from './appActions';
import { writeDemoExtract, type DemoSummary } from '../electron/cli/demoCommand';
import { expectAccessible } from './accessibility';

const RECORDS = 3000;
const SCREENS = 'test-results/screens';
let app: AppHost;
let work: string;
let demo: DemoSummary;

test.beforeAll(async () => {
  app = await startAppHost();
  work = join(tmpdir(), `matchlab-import-e2e-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  demo = await writeDemoExtract(join(work, 'extract'), { records: RECORDS });
  // The analyst's extract calls the record key "Offender Record": no role has that name.
  const cohort = readFileSync(demo.files.cohort, 'utf8');
  const [header, ...rest] = cohort.split('\n');
  expect(header.startsWith('record_id,')).toBe(true);
  writeFileSync(demo.files.cohort, [header.replace(/^record_id,/, 'Offender Record,'), ...rest].join('\n'));
});
test.afterAll(async () => {
  await app.stop();
  rmSync(work, { recursive: true, force: true });
});

test('import a renamed column by hand, browse it, then see a broken file located by row and column', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(app.url);
  await createStore(page, app.dataDir, 'import.mlstore');
  await nav(page, 'Import');

  // The cohort file through the file picker, by keyboard.
  const cohortCard = page.getByTestId('file-cohort');
  await cohortCard.getByRole('button', { name: 'Browse…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose the cohort file' });
  // The list is named by its folder (a listbox, or a group holding a note when the folder has nothing to offer).
  await expect(picker.locator('.picker-list')).toHaveAccessibleName(/^Contents of \//);
  // An empty folder says so (and is no listbox without options: axe's first finding on this screen).
  mkdirSync(join(work, 'empty'), { recursive: true });
  await picker.getByRole('textbox', { name: 'Folder' }).fill(join(work, 'empty'));
  await picker.getByRole('button', { name: 'Go' }).click();
  await expect(picker).toContainText('No folders or importable files');
  await expectAccessible(page, 'file picker (empty folder)');
  await picker.getByRole('textbox', { name: 'Folder' }).fill(join(work, 'extract'));
  await picker.getByRole('button', { name: 'Go' }).click();
  const list = picker.getByRole('listbox');
  await expect(list.getByRole('option', { name: /cohort\.csv/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/import-01-picker.png` });
  await expectAccessible(page, 'file picker');
  await list.focus();
  await page.keyboard.press('Home'); // cohort.csv sorts first
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(cohortCard.getByRole('textbox', { name: 'Cohort file', exact: true })).toHaveValue(demo.files.cohort);

  // record_id has no column of its name: flagged, and the import cannot start.
  const recordRow = cohortCard.getByTestId('map-cohort-record_id');
  await expect(recordRow).toHaveClass(/missing/);
  await expect(recordRow).toContainText('No column of this name');
  await expect(cohortCard.getByLabel(/^person_id/)).toHaveValue('person_id');
  await previewByPath(page, 'reoffences', 'Proven reoffences', demo.files.reoffences);
  await previewByPath(page, 'participants', 'Participants', demo.files.participants);
  await expect(page.getByTestId('import-start')).toBeDisabled();
  await expect(page.getByTestId('import-todo')).toContainText('record_id in the cohort file');
  await cohortCard.screenshot({ path: `${SCREENS}/import-02-unmapped.png` });

  await cohortCard.getByLabel(/^record_id/).selectOption('Offender Record');
  await expect(recordRow).not.toHaveClass(/missing/);
  await expect(recordRow).toContainText('CR00000001');
  await cohortCard.getByLabel('Save this mapping as').fill('Renamed record key');
  await cohortCard.getByRole('button', { name: 'Save mapping' }).click();
  await expect(cohortCard.getByRole('status')).toContainText('Saved this mapping as "Renamed record key"');
  await cohortCard.screenshot({ path: `${SCREENS}/import-03-mapped.png` });
  await expectAccessible(page, 'import (three files mapped)');

  // The files and the hand-made mapping are kept in the store: a reload (the renderer's memory gone) loses nothing.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(cohortCard.getByRole('textbox', { name: 'Cohort file', exact: true })).toHaveValue(demo.files.cohort);
  await expect(cohortCard.getByLabel(/^record_id/)).toHaveValue('Offender Record');
  await expect(page.getByTestId('import-start')).toBeEnabled();

  await page.getByTestId('import-start').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary.or(page.getByTestId('import-failed'))).toBeVisible({ timeout: 90_000 });
  if ((await summary.count()) === 0) throw new Error(`the import failed: ${await page.getByTestId('import-failed').textContent()}`);
  await expect(summary).toContainText(`${RECORDS.toLocaleString('en-GB')} cohort records`);
  await expect(summary).toContainText(`${demo.reoffences.toLocaleString('en-GB')} proven offences`);
  await expect(summary).toContainText(`${demo.participants} participants`);
  // Participants whose person_id is not in the cohort are counted and shown (the demo makes some on purpose).
  const notInCohort = new Set(readFileSync(demo.files.participants, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]).filter(Boolean));
  const cohortPeople = new Set(readFileSync(demo.files.cohort, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]));
  for (const p of cohortPeople) notInCohort.delete(p);
  await expect(page.getByTestId('unknown-participants')).toContainText(`(${notInCohort.size} ${notInCohort.size === 1 ? 'person' : 'people'}) with a person_id that is not in the cohort`);
  await page.screenshot({ path: `${SCREENS}/import-04-done.png` });

  await nav(page, 'Extract');
  await expect(page.getByTestId('count-cohort').locator('.count-value')).toHaveText(RECORDS.toLocaleString('en-GB'));
  await expect(page.getByTestId('count-reoffences').locator('.count-value')).toHaveText(demo.reoffences.toLocaleString('en-GB'));
  await expect(page.getByTestId('count-participants').locator('.count-value')).toHaveText(String(demo.participants));

  // Browse: sorted by index date in the store, and paged far down without loading everything.
  await nav(page, 'Browse data');
  await expect(page.getByTestId('browse-total')).toContainText(`${RECORDS.toLocaleString('en-GB')} rows`);
  const grid = page.getByTestId('browse-grid-cohort');
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="record_id"]')).toHaveText('CR00000001');
  await page.screenshot({ path: `${SCREENS}/browse-01-cohort.png` });
  await expectAccessible(page, 'browse');
  // By person_id: the first such sort builds the index the import leaves out (db/browse/sortIndex.ts).
  const personIds = readFileSync(demo.files.cohort, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]).sort();
  await grid.locator('.ag-header-cell[col-id="person_id"] .ag-header-cell-label').click();
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="person_id"]')).toHaveText(personIds[0]);
  await expect(grid.locator('.ag-row[row-index="3"] [col-id="person_id"]')).toHaveText(personIds[3]);
  await page.screenshot({ path: `${SCREENS}/browse-01b-by-person.png` });
  // By record_id, descending (a second click): paged through the order the import stored, with no index to walk.
  const recordIds = readFileSync(demo.files.cohort, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]).sort();
  const recordIdHeader = grid.locator('.ag-header-cell[col-id="record_id"] .ag-header-cell-label');
  await recordIdHeader.click();
  await recordIdHeader.click();
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="record_id"]')).toHaveText(recordIds[recordIds.length - 1]);
  await expect(grid.locator('.ag-row[row-index="2"] [col-id="record_id"]')).toHaveText(recordIds[recordIds.length - 3]);
  await page.screenshot({ path: `${SCREENS}/browse-01c-by-record-id-descending.png` });
  const indexDates = readFileSync(demo.files.cohort, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[2]).sort();
  await grid.locator('.ag-header-cell[col-id="index_date"] .ag-header-cell-label').click();
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="index_date"]')).toHaveText(indexDates[0]);
  // Far down with the mouse wheel: the rows there come from their own block, still in index-date order.
  await grid.locator('.ag-row[row-index="0"] [col-id="index_date"]').hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 6000);
  const renderedRows = async () =>
    (await grid.locator('.ag-row:has([col-id="index_date"])').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('row-index'))))).sort((x, y) => x - y);
  // Wait until the grid has settled far down (the same rows twice in a row), then read one of them.
  let rendered: number[] = [];
  await expect
    .poll(async () => {
      const now = await renderedRows();
      const settled = now.length > 0 && now.join() === rendered.join();
      rendered = now;
      return settled && now[0] > 1500;
    })
    .toBe(true);
  const middle = rendered[Math.floor(rendered.length / 2)];
  await expect(grid.locator(`.ag-row[row-index="${middle}"] [col-id="index_date"]`)).toHaveText(indexDates[middle]);
  // Only the blocks near the scroll position are in the page.
  expect(rendered.length).toBeGreaterThan(10);
  expect(rendered.length).toBeLessThan(200);
  await page.screenshot({ path: `${SCREENS}/browse-02-sorted-scrolled.png` });
  await grid.getByRole('textbox', { name: /region Filter Input/i }).fill('London');
  const london = readFileSync(demo.files.cohort, 'utf8').split('\n').filter((l) => l.split(',')[5]?.includes('London')).length;
  await expect(page.getByTestId('browse-total')).toContainText(`${london.toLocaleString('en-GB')} of ${RECORDS.toLocaleString('en-GB')} rows match`);
  await page.screenshot({ path: `${SCREENS}/browse-03-filtered.png` });

  // A broken cohort file: an impossible date and a sex that is neither M nor F.
  const broken = join(work, 'broken');
  mkdirSync(broken, { recursive: true });
  const lines = readFileSync(demo.files.cohort, 'utf8').split('\n');
  const cells = (i: number) => lines[i].split(',');
  const bad1 = cells(5);
  bad1[2] = '2015-02-30';
  lines[5] = bad1.join(',');
  const bad2 = cells(9);
  bad2[4] = 'X';
  lines[9] = bad2.join(',');
  writeFileSync(join(broken, 'cohort.csv'), lines.join('\n'));
  copyFileSync(demo.files.reoffences, join(broken, 'reoffences.csv'));
  copyFileSync(demo.files.participants, join(broken, 'participants.csv'));

  await nav(page, 'Import');
  // The choices of the last import are still there; only the cohort path changes.
  await expect(cohortCard.getByLabel(/^record_id/)).toHaveValue('Offender Record');
  await previewByPath(page, 'cohort', 'Cohort', join(broken, 'cohort.csv'));
  await expect(cohortCard.getByLabel(/^record_id/)).toHaveValue('Offender Record');
  await page.getByTestId('import-start').click();
  const confirm = page.getByRole('dialog', { name: 'Replace the stored extract?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(`${RECORDS.toLocaleString('en-GB')} cohort records`);
  await page.screenshot({ path: `${SCREENS}/import-05-confirm-replace.png` });
  // Escape is the safe answer, and focus goes back to the Import button; then ask again and replace.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('import-start')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Replace it' }).click();

  const failed = page.getByTestId('import-failed');
  await expect(failed).toBeVisible({ timeout: 90_000 });
  const problems = failed.getByTestId('import-problems');
  await expect(problems).toContainText('2 problems.');
  // lines[5] is file line 6 (the header is line 1), so data row 5; lines[9] is line 10, data row 9.
  const row1 = problems.locator('.ag-row', { hasText: '2015-02-30' });
  await expect(row1.locator('[col-id="row"]')).toHaveText('5');
  await expect(row1.locator('[col-id="line"]')).toHaveText('6');
  await expect(row1.locator('[col-id="column"]')).toHaveText('index_date');
  const row2 = problems.locator('.ag-row', { has: page.locator('[col-id="value"]', { hasText: /^X$/ }) });
  await expect(row2.locator('[col-id="row"]')).toHaveText('9');
  await expect(row2.locator('[col-id="column"]')).toHaveText('sex');
  await page.screenshot({ path: `${SCREENS}/import-06-problems.png`, fullPage: true });
  await expectAccessible(page, 'import (problems of a failed import)');

  const [download] = await Promise.all([page.waitForEvent('download'), problems.getByRole('button', { name: 'Export problems as CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('cohort.csv,cohort,5,6,index_date,2015-02-30,');
  expect(csv).toContain('cohort.csv,cohort,9,10,sex,X,');

  // Nothing of the failed import reached the store.
  await nav(page, 'Extract');
  await expect(page.getByTestId('count-cohort').locator('.count-value')).toHaveText(RECORDS.toLocaleString('en-GB'));

  // A fresh session: the saved mapping is offered for the next cohort file.
  await page.reload();
  await nav(page, 'Import');
  await previewByPath(page, 'cohort', 'Cohort', demo.files.cohort);
  const saved = cohortCard.getByLabel('Saved cohort mappings');
  await expect(saved.locator('option', { hasText: 'Renamed record key' })).toHaveCount(1);
  await saved.selectOption('Renamed record key');
  await cohortCard.getByRole('button', { name: 'Apply' }).click();
  await expect(cohortCard.getByLabel(/^record_id/)).toHaveValue('Offender Record');
  await cohortCard.screenshot({ path: `${SCREENS}/import-07-saved-mapping.png` });
});
