// Cancel latency (issue 9: "cancel within 1 s in every phase"): a 300k import job and an analysis job as the
// service runs them (a worker thread on the encrypted store), cancelled in each phase of their progress bar,
// timed from the cancel to the job's end (its thread gone, the store as it was). The cancel comes `--into` ms after
// the phase first shows, so that it lands inside the phase's work rather than at its first cancel point.
//   npx tsx bench/cancelBench.ts [--records 300000] [--runs 1] [--into 300] [--jobs import,analyse] [--phases <label start>,...]
// Goal: <= 1 s in every phase. CPU time of the whole process beside it (the machine is shared).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startJob } from '../electron/jobs/jobRunner';
import { IMPORT_JOB_PHASES } from '../electron/jobs/importJob';
import { analysisPhases } from '../electron/jobs/analysisProgress';
import { importMain } from '../electron/cli/importMain';
import { openStore, storeKey } from '../db/store';
import { CLI_EXAMPLE_SPEC } from '../shared/engine/cliExampleSpec';
import { arg, benchExtracts, loadAverage, median } from './benchExtract';
import type { JobKind } from '../shared/api';

const records = Number(arg('records', '300000'));
const runs = Number(arg('runs', '1'));
const into = Number(arg('into', '300'));
const jobs = arg('jobs', 'import,analyse').split(',');
const phases = arg('phases', '').split(',').filter((p) => p !== '');
const dir = arg('dir', '/tmp/matchlab-bench');
const passphrase = 'benchmark passphrase';
process.env.MATCHLAB_PASSPHRASE = passphrase;
const files = (await benchExtracts(dir, records, ['shuffled'])).shuffled;
const store = join(dir, 'cancel-bench.mlstore');
for (const f of [store, `${store}-wal`, `${store}-shm`, `${store}-journal`]) rmSync(f, { force: true });
// The store holds an extract already, so every cancelled import has one to leave as it was, and the analysis has data.
await importMain(['--store', store, '--cohort', files.cohort, '--reoffences', files.reoffences, '--participants', files.participants]);
// What a cancelled job must leave as it was: the import's time stamp (every import sets its own) and the runs.
const STATE_SQL = 'SELECT (SELECT imported_at FROM extract) AS importedAt, (SELECT count(*) FROM runs) AS runs';
interface StoreState {
  importedAt: string;
  runs: number;
}
const db = openStore(store, passphrase, { mode: 'open' });
const counts = () => db.prepare(STATE_SQL).get() as StoreState;
// The jobs open the store with its derived key, as the service's do.
const key = storeKey(db);
const before = counts();
db.close();

// Jobs that ran to the end (a cancel asked too late, or a phase over before its cancel was due):
// each rightly changed the store.
const completed: Partial<Record<JobKind, number>> = {};

interface Cancelled {
  seconds: number;
  cpuSeconds: number;
  status: string;
}

/** Runs one job, cancels it `into` ms after `label` first shows; null when the job ended before that phase. */
async function cancelAt(kind: JobKind, payload: unknown, label: string): Promise<Cancelled | null> {
  let asked: { at: number; cpu: NodeJS.CpuUsage } | null = null;
  let timer: NodeJS.Timeout | undefined;
  const job = startJob(kind, { path: store, key }, payload, (info) => {
    if (timer || asked || info.status !== 'running' || !info.phase.includes(label)) return;
    timer = setTimeout(() => {
      asked = { at: performance.now(), cpu: process.cpuUsage() };
      job.cancel();
    }, into);
  });
  try {
    await job.finished;
  } catch {
    // a cancelled job rejects
  }
  clearTimeout(timer);
  if (job.info.status === 'done') completed[kind] = (completed[kind] ?? 0) + 1;
  if (!asked) return null;
  const { at, cpu } = asked as { at: number; cpu: NodeJS.CpuUsage };
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - at) / 1000, cpuSeconds: (used.user + used.system) / 1e6, status: job.info.status };
}

const importPayload = {
  cohort: { path: files.cohort },
  reoffences: { path: files.reoffences },
  participants: { path: files.participants },
};
const plan: { kind: JobKind; payload: unknown; labels: string[] }[] = [];
if (jobs.includes('import')) plan.push({ kind: 'import', payload: importPayload, labels: IMPORT_JOB_PHASES.map((p) => p.label) });
if (jobs.includes('analyse')) {
  const names = CLI_EXAMPLE_SPEC.analyses.map((a) => a.name);
  plan.push({ kind: 'analyse', payload: { spec: CLI_EXAMPLE_SPEC }, labels: analysisPhases(names).map((p) => p.label) });
}
const lines: Record<string, unknown>[] = [];
for (const { kind, payload, labels } of plan) {
  for (const label of labels) {
    if (phases.length > 0 && !phases.some((p) => label.startsWith(p))) continue;
    const load = loadAverage();
    const got: Cancelled[] = [];
    for (let r = 0; r < runs; r++) {
      const c = await cancelAt(kind, payload, label);
      if (c) got.push(c);
    }
    const line = got.length === 0
      ? { job: kind, phase: label, cancelSeconds: null, note: `the phase was over within ${into} ms` }
      : {
          job: kind,
          phase: label,
          cancelSeconds: +median(got.map((g) => g.seconds)).toFixed(2),
          cpuSeconds: +median(got.map((g) => g.cpuSeconds)).toFixed(2),
          status: got.map((g) => g.status).join(','),
          load,
        };
    lines.push(line);
    console.log(JSON.stringify(line));
  }
}
const check = openStore(store, passphrase, { mode: 'open' });
const after = check.prepare(STATE_SQL).get() as StoreState;
check.close();
for (const f of [store, `${store}-wal`, `${store}-shm`, `${store}-journal`]) rmSync(f, { force: true });
const unchanged = ((completed.import ?? 0) > 0 || after.importedAt === before.importedAt) && after.runs === before.runs + (completed.analyse ?? 0);
const slow = lines.filter((l) => typeof l.cancelSeconds === 'number' && l.cancelSeconds > 1);
console.log(JSON.stringify({ records, medianOf: runs, intoPhaseMs: into, storeUnchangedByCancelledJobs: unchanged, over1s: slow.map((l) => l.phase), loadAverageAtEnd: loadAverage() }));
writeFileSync(join(dir, 'cancel-bench.json'), JSON.stringify(lines, null, 2));
