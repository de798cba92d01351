// The whole cohort step through the encrypted store (issue 4: under 20 s for 1,000,000 records):
// load the extract, derive the one-year outcomes, apply the funnel, profile, and save it all.
// Data: the benchmarks' shuffled `matchlab demo` extract (about 2.4 reoffences per record; bench/benchExtract.ts),
// its reoffences file topped up to the wanted number with copies of its rows shifted by 400-day steps (as
// bench/deriveBench.ts does in memory; issue 4 asks for 4,000,000 with 1,000,000 records), then imported: the
// copies go through the import, so the column store the cohort step reads holds them.
// The baseline, measured in the same process, is the pure deriveOutcomes on the loaded arrays.
// Run: npx tsx bench/cohortStepBench.ts [records] [runs] [reoffences]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../db/store';
import { importExtract } from '../db/import/importExtract';
import { deriveCohort } from '../db/cohort/deriveCohort';
import { loadCohortArrays, loadReoffenceArrays } from '../db/cohort/loadExtractArrays';
import { deriveOutcomes } from '../shared/cohort/deriveOutcomes';
import { benchExtracts, loadAverage, median } from './benchExtract';

const records = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const wantedReoffences = Number(process.argv[4] ?? 0);
const DAY_MS = 86_400_000;

/** An ISO date `days` later. */
const shiftDate = (iso: string, days: number) => (iso === '' ? '' : new Date(Date.parse(iso) + days * DAY_MS).toISOString().slice(0, 10));

/** The reoffences file with copies of its rows, dates shifted by 400-day steps, until it has `wanted` rows. */
function toppedUpReoffences(from: string, to: string, wanted: number): void {
  const text = readFileSync(from, 'utf8');
  const header = text.slice(0, text.indexOf('\n') + 1);
  const rows = text.slice(header.length).trimEnd().split('\n');
  const out = [...rows];
  for (let shift = 400; out.length < wanted; shift += 400) {
    for (const row of rows.slice(0, wanted - out.length)) {
      const [person, offence, disposal, ...rest] = row.split(',');
      out.push([person, shiftDate(offence, shift), shiftDate(disposal, shift), ...rest].join(','));
    }
  }
  writeFileSync(to, header + out.join('\n') + '\n');
}

const dir = mkdtempSync(join(tmpdir(), 'matchlab-cohort-bench-'));
try {
  const { shuffled: files } = await benchExtracts('/tmp/matchlab-bench', records, ['shuffled']);
  const reoffencesFile = join(dir, 'reoffences.csv');
  toppedUpReoffences(files.reoffences, reoffencesFile, wantedReoffences);
  const db = openStore(join(dir, 'bench.mlstore'), 'bench passphrase');
  let t = performance.now();
  const imported = await importExtract(db, { cohort: { path: files.cohort }, reoffences: { path: reoffencesFile }, participants: { path: files.participants } });
  console.log(`import of ${records.toLocaleString('en-GB')} records + ${imported.files.reoffences.rows.toLocaleString('en-GB')} reoffences (rows shuffled): ${((performance.now() - t) / 1000).toFixed(1)} s (once)`);

  const totals: number[] = [];
  const phases = new Map<string, number[]>();
  for (let r = 0; r < runs; r++) {
    let phase = '';
    let phaseStart = performance.now();
    const start = phaseStart;
    deriveCohort(db, {}, (name) => {
      const now = performance.now();
      if (phase && name !== phase) phases.set(phase, [...(phases.get(phase) ?? []), now - phaseStart]);
      if (name !== phase) phaseStart = now;
      phase = name;
    });
    phases.set(phase, [...(phases.get(phase) ?? []), performance.now() - phaseStart]);
    totals.push(performance.now() - start);
  }
  const cohort = loadCohortArrays(db);
  const reoffences = loadReoffenceArrays(db, cohort);
  const base: number[] = [];
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    deriveOutcomes(cohort, reoffences);
    base.push(performance.now() - t);
  }
  db.close();
  console.log(`cohort step (deriveCohort), median of ${runs} runs (load average ${loadAverage()}):`);
  for (const [name, ms] of phases) console.log(`  ${name.padEnd(32)}${median(ms).toFixed(0).padStart(7)} ms`);
  console.log(`  ${'total'.padEnd(32)}${median(totals).toFixed(0).padStart(7)} ms   (target 20,000 ms at 1,000,000 records)`);
  console.log(`  baseline: pure deriveOutcomes ${median(base).toFixed(0)} ms; total / baseline = ${(median(totals) / median(base)).toFixed(1)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
