// The analysis as a user runs it (issue 9), on a demo extract with its rows shuffled:
//   - reading the engine's data from the store (loadAnalysisData);
//   - `matchlab analyse` of CLI.md's example spec (National radius + Regional nearest): store to
//     results.json, the matches files and report.html, through the service and its job thread;
//   - the whole job: `matchlab import` (import + cohort step) then `matchlab analyse`, from the CSVs.
// The baseline, measured in the same run, is one X'X pass over the National analysis's design,
// so the ratio says how many such passes the analysis costs whatever the machine.
//   npx tsx bench/analysisJobBench.ts [--records 300000] [--runs 3] [--dir /tmp/matchlab-bench]
// Goals at 300,000 records: reading <= 0.5 s, analyse <= 3 s, whole job <= 12 s; at 1,000,000: analyse <= 8 s.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importMain } from '../electron/cli/importMain';
import { analyseMain } from '../electron/cli/analyseMain';
import { openStore } from '../db/store';
import { loadAnalysisData } from '../db/runs/analysisData';
import { CLI_EXAMPLE_SPEC } from '../shared/engine/cliExampleSpec';
import { analysisSpecSchema } from '../shared/engine/analysisSpec';
import { prepareAnalysis } from '../shared/engine/prepareAnalysis';
import { codeCovariates } from '../shared/engine/covariateCoding';
import { buildDesign } from '../shared/engine/designMatrix';
import { weightedCrossProduct } from '../shared/engine/weightedCrossProduct';
import { arg, benchExtracts, cpuMsSince, loadAverage, median } from './benchExtract';

const records = Number(arg('records', '300000'));
const runs = Number(arg('runs', '3'));
const dir = arg('dir', '/tmp/matchlab-bench');
process.env.MATCHLAB_PASSPHRASE = 'benchmark passphrase';
const files = (await benchExtracts(dir, records, ['shuffled'])).shuffled;
const specPath = join(dir, 'bench-spec.json');
writeFileSync(specPath, JSON.stringify(CLI_EXAMPLE_SPEC));
const store = join(dir, 'analysis-bench.mlstore');
const out = join(dir, 'analysis-bench-out');
const clear = () => {
  for (const f of [store, `${store}-wal`, `${store}-shm`, `${store}-journal`]) rmSync(f, { force: true });
};

const whole: number[] = [];
const analyse: number[] = [];
const reading: number[] = [];
const baseline: number[] = [];
// CPU time of the whole process (the CLI's service, its job threads): on a shared machine wall time waits for a core.
const analyseCpu: number[] = [];
const wholeCpu: number[] = [];
const loads: string[] = [];
for (let r = 0; r < runs; r++) {
  loads.push(loadAverage());
  clear();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await importMain(['--store', store, '--cohort', files.cohort, '--reoffences', files.reoffences, '--participants', files.participants]);
  // The exports refuse to replace a file: each run writes into an empty folder.
  rmSync(out, { recursive: true, force: true });
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  await analyseMain(['--store', store, '--spec', specPath, '--out', out]);
  const t2 = performance.now();
  analyseCpu.push(cpuMsSince(c1));
  wholeCpu.push(cpuMsSince(c0));
  whole.push(t2 - t0);
  analyse.push(t2 - t1);

  const db = openStore(store, process.env.MATCHLAB_PASSPHRASE, { mode: 'open' });
  const t3 = performance.now();
  const data = loadAnalysisData(db);
  reading.push(performance.now() - t3);
  db.close();
  const national = prepareAnalysis(data.table, data.treated, data.poolEligible, analysisSpecSchema.parse(CLI_EXAMPLE_SPEC.analyses[0]));
  const { design } = buildDesign(codeCovariates(national.covariates, national.treated), national.treated);
  const t4 = performance.now();
  weightedCrossProduct(design, new Float64Array(design.n).fill(1), null, new Float64Array(design.p * design.p), new Float64Array(design.p));
  baseline.push(performance.now() - t4);
}
clear();
rmSync(out, { recursive: true, force: true });

const s = (ms: number) => +(ms / 1000).toFixed(2);
const goals = records <= 300_000 ? { reading: 0.5, analyse: 3, whole: 12 } : { reading: null, analyse: 8, whole: null };
console.log(JSON.stringify({
  records,
  medianOf: runs,
  readingEngineDataSeconds: s(median(reading)),
  analyseSeconds: s(median(analyse)),
  wholeJobSeconds: s(median(whole)),
  analyseCpuSeconds: s(median(analyseCpu)),
  wholeJobCpuSeconds: s(median(wholeCpu)),
  baselineOneCrossProductSeconds: s(median(baseline)),
  analyseOverBaseline: +(median(analyse) / median(baseline)).toFixed(1),
  goals,
  runs: { reading: reading.map(s), analyse: analyse.map(s), whole: whole.map(s) },
  loadAverageAtEachRun: loads,
  loadAverageAtEnd: loadAverage(),
}, null, 2));
