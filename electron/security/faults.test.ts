// Faults in the middle of the work: the process SIGKILLed mid-import and mid-analysis, the analysis
// cancelled mid-run, a second program holding the store, a full disk.
// Each ends with a clear message (or none, for a kill), and the store opens afterwards with
// integrity_check ok, its audit chain intact and everything it held before.
// Cheap by design: a fault needs work under way, not a big extract (4,000 records in the store,
// 30,000 to import over them).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract, type DemoSummary } from '../cli/demoCommand';
import { openCliSession } from '../cli/cliSession';
import { openStore } from '../../db/store';
import { verifyAudit } from '../../db/audit';
import { storeSnapshot } from '../../db/import/storeSnapshot';
import { importExtract } from '../../db/import/importExtract';
import { toErrorBody } from '../service/apiError';
import { CLI_EXAMPLE_SPEC } from '../../shared/engine/cliExampleSpec';
import type { ApiEvent, JobInfo } from '../../shared/api';
import { createService } from '../service/service';

const CHILD = new URL('./faultChild.ts', import.meta.url).pathname;
const BIN = new URL('../../bin/matchlab.mjs', import.meta.url).pathname;
const PASS = 'fault test passphrase';
let dir = '';
let small: DemoSummary;
let mid: DemoSummary;
let base = '';
const faults: string[] = [];

/** A store holding the small extract and one analysis run: what every fault must leave as it was. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'matchlab-faults-'));
  small = await writeDemoExtract(join(dir, 'small'), { records: 4000, participants: 100, seed: 21 });
  mid = await writeDemoExtract(join(dir, 'mid'), { records: 30_000, participants: 100, seed: 22 });
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(CLI_EXAMPLE_SPEC));
  base = join(dir, 'base.mlstore');
  const session = openCliSession();
  try {
    await session.call('store.create', { path: base, passphrase: PASS });
    const imp = await session.call('import.start', { cohort: { path: small.files.cohort }, reoffences: { path: small.files.reoffences }, participants: { path: small.files.participants } });
    await session.waitForJob(imp.jobId);
    const run = await session.call('analysis.run', { spec: CLI_EXAMPLE_SPEC as never });
    await session.waitForJob(run.jobId);
  } finally {
    await session.close();
  }
}, 180_000);

function copyOfBase(name: string): { file: string; before: string } {
  const file = join(dir, name);
  copyFileSync(base, file);
  const db = openStore(file, PASS, { mode: 'open' });
  const before = storeSnapshot(db);
  db.close();
  return { file, before };
}

/** Opens the store after the fault: integrity ok, audit chain intact, the same content as before. */
function expectIntact(file: string, before: string): void {
  const db = openStore(file, PASS, { mode: 'open' });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    expect(storeSnapshot(db) === before, 'the store changed').toBe(true);
  } finally {
    db.close();
  }
}

function killMidJob(file: string, args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, ...args], { env: { ...process.env, MATCHLAB_PASSPHRASE: PASS }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code, signal) => (signal === 'SIGKILL' && out.startsWith('mid-job') ? ok(out.trim()) : fail(new Error(`ended with ${code ?? signal} before the kill: ${out} ${err}`))));
  });
}

describe('faults mid-work', () => {
  it('SIGKILL of the process mid-import (replacing the extract): the store is as it was', async () => {
    const { file, before } = copyOfBase('kill-import.mlstore');
    expect(await killMidJob(file, ['import', mid.files.cohort, mid.files.reoffences, mid.files.participants])).toMatch(/^mid-job /);
    faults.push('SIGKILL mid-import');
    expectIntact(file, before);
  }, 120_000);

  it('SIGKILL of the process mid-analysis: the store is as it was, no half run', async () => {
    const { file, before } = copyOfBase('kill-analysis.mlstore');
    expect(await killMidJob(file, ['analyse', join(dir, 'spec.json')])).toMatch(/^mid-job /);
    faults.push('SIGKILL mid-analysis');
    expectIntact(file, before);
  }, 120_000);

  it('the analysis cancelled mid-run: "cancelled", the store as it was, no half run', async () => {
    // The worker reads the cancel flag at its next progress report and rolls back; a worker that
    // did not within 1 s would have its thread terminated (electron/jobs/jobRunner.ts).
    // The cancel goes at the job's first report: on a 4,000-record store the whole analysis can end
    // within the worker's 100 ms progress throttle, so waiting for a later phase's report is a race
    // that a quiet machine loses (bench/cancelBench.ts cancels in each phase on a 300k store).
    const { file, before } = copyOfBase('cancel-analysis.mlstore');
    const service = createService({ dataDir: join(dir, 'svc') });
    try {
      expect((await service.request('store.open', { path: file, passphrase: PASS })).ok).toBe(true);
      const ended = new Promise<{ job: JobInfo; cancelledIn: string }>((resolve) => {
        let cancelledIn = '';
        service.subscribe((e: ApiEvent) => {
          if (e.type !== 'job') return;
          if (e.job.status !== 'running') resolve({ job: e.job, cancelledIn });
          else if (!cancelledIn) {
            cancelledIn = e.job.phase;
            void service.request('job.cancel', { jobId: e.job.id });
          }
        });
      });
      expect((await service.request('analysis.run', { spec: CLI_EXAMPLE_SPEC })).ok).toBe(true);
      const { job, cancelledIn } = await ended;
      expect(cancelledIn).not.toBe('');
      expect(job).toMatchObject({ status: 'cancelled', error: { message: 'The job was cancelled; the store is unchanged' } });
      faults.push('analysis cancelled mid-run');
      await service.request('store.close', {});
    } finally {
      await service.close();
    }
    expectIntact(file, before);
  }, 120_000);

  it('a second program writing to the store: the import fails in one line saying so, nothing changes', async () => {
    const { file, before } = copyOfBase('locked.mlstore');
    const other = openStore(file, PASS, { mode: 'open' });
    other.exec('BEGIN IMMEDIATE');
    const result = await new Promise<{ code: number | null; stderr: string }>((ok) => {
      const child = spawn(process.execPath, [BIN, 'import', '--store', file, '--cohort', small.files.cohort, '--reoffences', small.files.reoffences, '--participants', small.files.participants, '--replace'], {
        env: { ...process.env, MATCHLAB_PASSPHRASE: PASS },
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => ok({ code, stderr }));
    });
    other.exec('ROLLBACK');
    other.close();
    faults.push('second program holding the store');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Another program \(or another Matchlab window\) is writing to this store/);
    expectIntact(file, before);
  }, 120_000);

  it('a full disk (max_page_count) mid-import: refused as a full disk, nothing changes', async () => {
    const { file, before } = copyOfBase('full.mlstore');
    const db = openStore(file, PASS, { mode: 'open' });
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 20}`);
    let error: unknown = null;
    try {
      await importExtract(db, { cohort: { path: mid.files.cohort }, reoffences: { path: mid.files.reoffences }, participants: { path: mid.files.participants } }, { workerFiles: [] });
    } catch (err) {
      error = err;
    }
    db.close();
    faults.push('full disk mid-import');
    expect(toErrorBody(error)).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/^The disk is full .*nothing of this step was saved/) });
    expectIntact(file, before);
    console.log(`faults: ${faults.length} faults injected here (${faults.join('; ')}), each left the store intact`);
  }, 120_000);
});
