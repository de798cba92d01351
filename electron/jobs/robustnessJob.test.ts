// The robustness job through the service (the app's and the CLI's code path): stored with the run, audited,
// cancellable with nothing stored, refused on data the run was not made from, and the analyst's sets checked.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../cli/demoCommand';
import { openCliSession } from '../cli/cliSession';
import { NATIONAL, REGIONAL, specSchema } from '../../shared/engine/analysisSpec';
import { OWN_SET } from '../../shared/robustness/robustnessGrid';
import { openStore } from '../../db/store';
import { robustnessJob } from './robustnessJob';
import { PROGRESS_CEILING, PROGRESS_TOTAL } from './weightedProgress';

const PASS = 'robustness-test-pass';

describe('robustness job', () => {
  it('stores a check with its run, audited; cancelling stores nothing; a changed cohort step is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchlab-robustness-'));
    const demo = await writeDemoExtract(join(dir, 'demo'), { records: 3000, participants: 120, seed: 8 });
    const session = openCliSession();
    try {
      const storePath = join(dir, 's.mlstore');
      await session.call('store.create', { path: storePath, passphrase: PASS });
      const imp = await session.call('import.start', { cohort: { path: demo.files.cohort }, reoffences: { path: demo.files.reoffences }, participants: { path: demo.files.participants } });
      await session.waitForJob(imp.jobId);
      const spec = specSchema.parse({ organisation: 'Test', analyses: [NATIONAL, REGIONAL] });
      const { runId } = (await session.waitForJob((await session.call('analysis.run', { spec })).jobId)).result as { runId: string };
      expect((await session.call('robustness.get', { runId })).check).toBeNull();

      // Cancelled at once: the job ends as cancelled and nothing is stored.
      const cancelled = await session.call('robustness.run', { runId });
      // The running job says which run it checks, so the run's screen finds it (a new window included).
      expect((await session.call('app.state', {})).jobs.find((j) => j.id === cancelled.jobId)).toMatchObject({ status: 'running', runId });
      await session.call('job.cancel', { jobId: cancelled.jobId });
      await expect(session.waitForJob(cancelled.jobId)).rejects.toThrow(/cancelled/);
      expect((await session.call('robustness.get', { runId })).check).toBeNull();

      // The analyst's sets are checked by the api (names) and by the job (covariates, named with their set).
      await expect(session.call('robustness.run', { runId, covariateSets: [{ name: OWN_SET, covariates: ['age_at_index'] }] })).rejects.toThrow(/always runs/);
      await expect(session.call('robustness.run', { runId, covariateSets: [{ name: 'A', covariates: ['age_at_index'] }, { name: 'A', covariates: ['sex'] }] })).rejects.toThrow(/two covariate sets are named/);
      const bad = await session.call('robustness.run', { runId, covariateSets: [{ name: 'Motivated', covariates: ['age_at_index', 'motivation'] }] });
      await expect(session.waitForJob(bad.jobId)).rejects.toThrow(/Covariate set “Motivated”: unknown covariate: motivation/);

      const ok = await session.call('robustness.run', { runId, covariateSets: [{ name: 'Age and record', covariates: ['age_at_index', 'prev_offences', 'index_disposal'] }] });
      await session.waitForJob(ok.jobId);
      const { check } = await session.call('robustness.get', { runId });
      expect(check!.runId).toBe(runId);
      expect(check!.addedCovariateSets.map((s) => s.name)).toEqual(['Age and record']);
      const national = check!.analyses[0];
      expect(national.covariateSets.map((s) => s.name)).toEqual([OWN_SET, 'Without OASys items', 'Age and record']);
      expect(national.entries.filter((e) => e.covariateSet === 'Age and record')).toHaveLength(18);
      const audit = await session.call('audit.list', { limit: 5 });
      expect(audit[0]).toMatchObject({ action: 'robustness', detail: { runId, addedCovariateSets: ['Age and record'] } });

      // Its files through the one export writer: each audited; an existing file refused unless replacing is asked,
      // and then nothing at all is written.
      const outDir = join(dir, 'check');
      const written = await session.call('robustness.export', { runId, dir: outDir, overwrite: false });
      expect(written.files[0]).toBe('robustness.json');
      expect(written.files).toContain('specification-curve-National-rate.svg');
      expect(readdirSync(outDir).sort()).toEqual([...written.files].sort());
      const exported = (await session.call('audit.list', { limit: written.files.length })).map((e) => e.detail.path);
      expect(exported.sort()).toEqual(written.files.map((f) => join(outDir, f)).sort());
      rmSync(join(outDir, 'robustness.json'));
      await expect(session.call('robustness.export', { runId, dir: outDir, overwrite: false })).rejects.toThrow(/already exists/);
      expect(readdirSync(outDir)).not.toContain('robustness.json');
      await session.call('robustness.export', { runId, dir: outDir, overwrite: true });
      expect(readdirSync(outDir)).toContain('robustness.json');

      // One bar over both analyses (the job's own code in this thread, on its own connection to the store): it never
      // goes back, passes through every analysis's grid, and stays short of 100% until the job has ended.
      const reports: { phase: string; done: number; total: number }[] = [];
      const db = openStore(storePath, PASS, { mode: 'open' });
      try {
        await robustnessJob({ db, payload: { runId, covariateSets: [] }, progress: (phase, done, total) => reports.push({ phase, done, total }), signal: new AbortController().signal });
      } finally {
        db.close();
      }
      const done = reports.map((r) => r.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(reports.every((r) => r.total === PROGRESS_TOTAL && r.done <= PROGRESS_CEILING)).toBe(true);
      expect(done[done.length - 1]).toBeGreaterThan(PROGRESS_CEILING - 20);
      expect(reports.some((r) => r.phase.startsWith('Checking robustness (1 of 2): National, '))).toBe(true);
      expect(reports.some((r) => r.phase.startsWith('Checking robustness (2 of 2): Regional, '))).toBe(true);
      // Half-way through the reports the bar is well under way and well short of its end (an even pace).
      expect(done[Math.floor(done.length / 2)]).toBeGreaterThan(PROGRESS_TOTAL * 0.25);
      expect(done[Math.floor(done.length / 2)]).toBeLessThan(PROGRESS_TOTAL * 0.75);
      const latest = (await session.call('robustness.get', { runId })).check!;
      expect(latest.addedCovariateSets).toEqual([]);

      // After the cohort step is re-run under other settings, the run's data are gone: the check says so.
      await session.waitForJob((await session.call('cohort.derive', { settings: { waitingDays: 120 } })).jobId);
      const stale = await session.call('robustness.run', { runId });
      await expect(session.waitForJob(stale.jobId)).rejects.toThrow(/changed since this run was made/);
      // The stored check stays as it was.
      expect((await session.call('robustness.get', { runId })).check!.checkedAt).toBe(latest.checkedAt);

      // The check follows its run: gone while the run is deleted, back with it when restored, removed with it for good
      // once the store is opened again.
      await session.call('runs.delete', { runId });
      await expect(session.call('robustness.get', { runId })).rejects.toThrow(/No run .* in this store/);
      await expect(session.call('robustness.run', { runId })).rejects.toThrow(/No run .* in this store/);
      await session.call('runs.restore', { runId });
      expect((await session.call('robustness.get', { runId })).check!.checkedAt).toBe(latest.checkedAt);
      await session.call('runs.delete', { runId });
      await session.call('store.close', {});
      await session.call('store.open', { path: storePath, passphrase: PASS });
      const reopened = openStore(storePath, PASS, { mode: 'open' });
      try {
        expect(reopened.prepare('SELECT count(*) FROM robustness_checks').pluck().get()).toBe(0);
      } finally {
        reopened.close();
      }
    } finally {
      await session.close();
    }
  }, 180_000);
});
