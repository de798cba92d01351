// The whole cohort step through the encrypted store (issue 4: under 20 s for 1,000,000 records):
// load the extract, derive the one-year outcomes, apply the funnel, profile, and save it all.
// Data: a `matchlab demo` extract imported once (about 2.5 reoffences per record), then topped up
// in the store to the wanted number of reoffences with copies shifted by 400-day steps, as
// bench/deriveBench.ts does in memory (issue 4 asks for 4,000,000 with 1,000,000 records).
// The baseline, measured in the same process, is the pure deriveOutcomes on the loaded arrays.
// Run: npx tsx bench/cohortStepBench.ts [records] [runs] [reoffences]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../electron/cli/demoCommand';
import { openStore } from '../db/store';
import { importExtract } from '../db/import/importExtract';
import { deriveCohort } from '../db/cohort/deriveCohort';
import { loadCohortArrays, loadReoffenceArrays } from '../db/cohort/loadExtractArrays';
import { deriveOutcomes } from '../shared/cohort/deriveOutcomes';

const records = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const wantedReoffences = Number(process.argv[4] ?? 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'matchlab-cohort-bench-'));
try {
  const demo = await writeDemoExtract(join(dir, 'demo'), { records, seed: 99 });
  const db = openStore(join(dir, 'bench.mlstore'), 'bench passphrase');
  let t = performance.now();
  const imported = await importExtract(db, { cohort: { path: demo.files.cohort }, reoffences: { path: demo.files.reoffences }, participants: { path: demo.files.participants } });
  console.log(`import of ${records.toLocaleString('en-GB')} records + ${imported.files.reoffences.rows.toLocaleString('en-GB')} reoffences: ${((performance.now() - t) / 1000).toFixed(1)} s (once)`);

  let have = imported.files.reoffences.rows;
  for (let shift = 400; have < wantedReoffences; shift += 400) {
    const add = Math.min(imported.files.reoffences.rows, wantedReoffences - have);
    db.prepare(
      `INSERT INTO reoffences SELECT person_id, offence_date + ?, disposal_date + ?, court_outcome, custodial, pnd FROM reoffences WHERE rowid <= ?`,
    ).run(shift, shift, add);
    have += add;
  }
  if (have !== imported.files.reoffences.rows) console.log(`reoffences topped up to ${have.toLocaleString('en-GB')}`);

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
  console.log(`cohort step (deriveCohort), median of ${runs} runs:`);
  for (const [name, ms] of phases) console.log(`  ${name.padEnd(32)}${median(ms).toFixed(0).padStart(7)} ms`);
  console.log(`  ${'total'.padEnd(32)}${median(totals).toFixed(0).padStart(7)} ms   (target 20,000 ms at 1,000,000 records)`);
  console.log(`  baseline: pure deriveOutcomes ${median(base).toFixed(0)} ms; total / baseline = ${(median(totals) / median(base)).toFixed(1)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
