// The progress bar of a 300,000-record import (import + cohort step) and of an analysis (National +
// Regional), in the real app: it is sampled four times a second and screenshotted at three moments
// of each job, and it must never show 100% while the job runs. The samples go to
// <SHOTS_DIR>/progress-samples.json. Run by hand (see playwright.config.ts beside this file).
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startAppHost, type AppHost } from '../appHost';
import { createStore, nav, previewByPath } from '../appActions';
import { benchExtracts } from '../../bench/benchExtract';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/progress';
const RECORDS = Number(process.env.RECORDS ?? 300_000);
let app: AppHost;

test.beforeAll(async () => {
  app = await startAppHost();
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  await app.stop();
});

interface Sample {
  ms: number;
  phase: string;
  percent: number | null;
}

/** Samples the job's bar until it goes; screenshots the first sample for which each `moments` test is true. */
async function followJob(page: Page, name: string, moments: ((s: Sample) => boolean)[]): Promise<Sample[]> {
  const bar = page.getByTestId('job-progress');
  await expect(bar).toBeVisible();
  const started = Date.now();
  const samples: Sample[] = [];
  const taken = moments.map(() => false);
  for (;;) {
    // page.evaluate, not a locator: a locator would wait for the bar to come back once the job has ended.
    const seen = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="job-progress"]');
      return el && { phase: el.querySelector('strong')?.textContent ?? '', value: el.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null };
    });
    if (seen === null) break;
    const sample = { ms: Date.now() - started, phase: seen.phase, percent: seen.value === null ? null : Number(seen.value) };
    samples.push(sample);
    for (let k = 0; k < moments.length; k++) {
      if (!taken[k] && moments[k](sample)) {
        taken[k] = true;
        await page.screenshot({ path: `${SHOTS}/${name}-${k + 1}.png` });
      }
    }
    await page.waitForTimeout(250);
  }
  expect(samples.length).toBeGreaterThan(3);
  expect(Math.max(...samples.map((s) => s.percent ?? 0))).toBeLessThan(100);
  // One bar for the whole job: it never goes back.
  for (let k = 1; k < samples.length; k++) expect(samples[k].percent ?? 0).toBeGreaterThanOrEqual(samples[k - 1].percent ?? 0);
  return samples;
}

test('one honest bar for a 300k import and for an analysis', async ({ page }) => {
  const files = (await benchExtracts(process.env.BENCH_DIR ?? '/tmp/matchlab-bench', RECORDS, ['shuffled'])).shuffled;
  await page.goto(app.url);
  await createStore(page, app.dataDir, 'progress.mlstore');
  await nav(page, 'Import');
  await previewByPath(page, 'cohort', 'Cohort', files.cohort);
  await previewByPath(page, 'reoffences', 'Proven reoffences', files.reoffences);
  await previewByPath(page, 'participants', 'Participants', files.participants);
  await page.getByTestId('import-start').click();
  const importing = await followJob(page, 'import', [
    (s) => (s.percent ?? 0) >= 10,
    (s) => (s.percent ?? 0) >= 50,
    (s) => (s.percent ?? 0) > 50 && !/^Reading/.test(s.phase),
  ]);
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-4-done.png` });

  await nav(page, 'Analysis & results');
  await page.getByTestId('run-analysis').click();
  const analysing = await followJob(page, 'analysis', [
    (s) => /National/.test(s.phase),
    (s) => /Regional/.test(s.phase),
    (s) => /Saving/.test(s.phase) || (s.percent ?? 0) >= 90,
  ]);
  await expect(page.getByRole('tab', { name: 'Matching quality' })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: `${SHOTS}/analysis-4-done.png` });
  writeFileSync(`${SHOTS}/progress-samples.json`, JSON.stringify({ importing, analysing }, null, 1));
});
