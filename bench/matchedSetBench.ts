// Matched-set lookup benchmark (issue 12): on a stored National analysis of a 300,000-record demo extract (its cohort
// rows shuffled, as a user's file would be), how long the service takes to answer what the "Who was matched" view
// and the linked views ask: a treated record's matched set, the treated a comparison record serves, the unmatched
// list, and a balance-row selection (the covariate's stored distribution). Target: each under 100 ms (median).
// The first lookup of an analysis reads its records from the store and indexes them (cold); later ones use the index.
// Baseline, measured in the same process: `runs.get`, the read of the run's results the screen does when it opens.
// Run: npx tsx bench/matchedSetBench.ts [records]      (default 300000; the import and analysis take a minute or two)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../electron/cli/demoCommand';
import { createService } from '../electron/service/service';
import { serviceCalls } from '../electron/service/serviceCalls';
import { NATIONAL } from '../shared/engine/analysisSpec';
import { Xoshiro128 } from '../shared/demo/xoshiro128';

const RUNS = 21;
const records = Number(process.argv[2] ?? 300_000);
const dir = mkdtempSync(join(tmpdir(), 'matchlab-sets-bench-'));
const service = createService({ dataDir: dir });
const { call, jobEnd } = serviceCalls(service);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

/** The cohort file's data rows in a seeded random order. */
function shuffleRows(path: string): void {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const rng = Xoshiro128.fromSeed(42);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  writeFileSync(path, [header, ...rows].join('\n') + '\n');
}

try {
  const t = performance.now();
  const demo = await writeDemoExtract(join(dir, 'demo'), { records, seed: 20261125 });
  shuffleRows(demo.files.cohort);
  await call('store.create', { path: join(dir, 'bench.mlstore'), passphrase: 'bench passphrase' });
  const imported = await jobEnd((await call('import.start', { cohort: { path: demo.files.cohort }, reoffences: { path: demo.files.reoffences }, participants: { path: demo.files.participants } })).jobId);
  if (imported.status !== 'done') throw new Error(`import ${imported.status}: ${imported.error?.message}`);
  const job = await jobEnd((await call('analysis.run', { spec: { organisation: 'Bench', analyses: [NATIONAL] } })).jobId);
  if (job.kind !== 'analyse' || !job.result) throw new Error(`analysis ${job.status}: ${job.error?.message}`);
  const { runId } = job.result;
  console.log(`set-up (demo extract, import, cohort step, National analysis): ${((performance.now() - t) / 1000).toFixed(1)} s (once)`);

  const run = await call('runs.get', { runId });
  const national = run.analyses[0];
  const analysis = national.name;
  console.log(`${records.toLocaleString('en-GB')} records: ${national.treatment.n} treated matched, ${national.treatment.notMatched} not, ` +
    `${national.comparison.records.toLocaleString('en-GB')} comparison records of ${national.comparison.poolRecords.toLocaleString('en-GB')}`);

  // Cold: the first question about this analysis reads its 300k records from the store and indexes them.
  const [cold, firstPage] = await timed(() => call('runs.treated', { runId, analysis, offset: 0, limit: 1000, status: 'matched' }));
  const treatedIds = firstPage.rows.map((r) => r.recordId);
  const rng = Xoshiro128.fromSeed(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rng.uniform() * xs.length)];

  const base: number[] = [], treatedSet: number[] = [], served: number[] = [], unmatched: number[] = [], selection: number[] = [];
  let setSizes = 0, servedSizes = 0;
  for (let r = 0; r < RUNS; r++) {
    base.push((await timed(() => call('runs.get', { runId })))[0]);
    const [ms, set] = await timed(() => call('runs.matchedSet', { runId, analysis, recordId: pick(treatedIds), limit: 200 }));
    treatedSet.push(ms);
    setSizes += set.total;
    const [ms2, back] = await timed(() => call('runs.matchedSet', { runId, analysis, recordId: pick(set.members).recordId, limit: 200 }));
    served.push(ms2);
    servedSizes += back.total;
    unmatched.push((await timed(() => call('runs.treated', { runId, analysis, offset: 0, limit: 200, status: 'unmatched' })))[0]);
    // A row selection: the balance row and its covariate's stored distribution, as the linked views look them up.
    const row = pick(national.balance);
    selection.push((await timed(async () => national.distributions?.find((d) => d.variable === row.variable) ?? null))[0]);
  }
  const baseline = median(base);
  const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
  const line = (label: string, values: number[]) => {
    const m = median(values);
    console.log(`  ${label.padEnd(44)}${fmt(m)}   x${(m / baseline).toFixed(2)} baseline   ${m < 100 ? 'under' : 'OVER'} 100 ms`);
  };
  console.log(`median of ${RUNS} lookups (load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}):`);
  console.log(`  ${'first question (reads and indexes the run)'.padEnd(44)}${fmt(cold)}   (once per analysis looked at)`);
  line(`treated record's set (mean ${Math.round(setSizes / RUNS).toLocaleString('en-GB')} records)`, treatedSet);
  line(`comparison record's treated (mean ${Math.round(servedSizes / RUNS)})`, served);
  line('unmatched list', unmatched);
  line('balance-row selection (stored distribution)', selection);
  console.log(`  ${'baseline: runs.get (the run results read)'.padEnd(44)}${fmt(baseline)}`);
} finally {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
}
