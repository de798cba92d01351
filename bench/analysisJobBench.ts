// The analysis as a user runs it (issue 9), on a demo extract with its rows shuffled:
//   - the whole job: the bundled `matchlab import` (import + cohort step, into a new store) then
//     `matchlab analyse` of CLI.md's example spec (National radius + Regional nearest: results.json,
//     the matches files and report.html), each a fresh process as a user types them;
//   - reading the engine's data from that store (loadAnalysisData, in this process).
// The baseline, measured in the same run, is one X'X pass over the National analysis's design,
// so the ratio says how many such passes the analysis costs whatever the machine. With --against
// DIR (another built checkout) that checkout's whole job runs alternately with this one's, and the
// ratio of the medians is printed.
//   npx tsx bench/analysisJobBench.ts [--records 300000] [--runs 3] [--dir /tmp/matchlab-bench] [--against DIR]
// Goals at 300,000 records: reading <= 0.5 s, analyse <= 3 s, whole job <= 12 s; at 1,000,000: analyse <= 8 s.
// Needs `npm run build` first (the bundled command line is what is timed).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../db/store';
import { loadAnalysisData } from '../db/runs/analysisData';
import { CLI_EXAMPLE_SPEC } from '../shared/engine/cliExampleSpec';
import { analysisSpecSchema } from '../shared/engine/analysisSpec';
import { prepareAnalysis } from '../shared/engine/prepareAnalysis';
import { codeCovariates } from '../shared/engine/covariateCoding';
import { buildDesign } from '../shared/engine/designMatrix';
import { weightedCrossProduct } from '../shared/engine/weightedCrossProduct';
import { arg, benchExtracts, loadAverage, median } from './benchExtract';
import { runBundled, summariseRuns, type CommandRun } from './bundledCommand';

const records = Number(arg('records', '300000'));
const runs = Number(arg('runs', '3'));
const dir = arg('dir', '/tmp/matchlab-bench');
const against = arg('against', '');
process.env.MATCHLAB_PASSPHRASE = 'benchmark passphrase';
const files = (await benchExtracts(dir, records, ['shuffled'])).shuffled;
const specPath = join(dir, 'bench-spec.json');
writeFileSync(specPath, JSON.stringify(CLI_EXAMPLE_SPEC));
const checkouts: Record<string, string> = { this: resolve(import.meta.dirname, '..') };
if (against) checkouts.against = resolve(against);
const work = mkdtempSync(join(tmpdir(), 'matchlab-job-bench-'));
const store = join(work, 'job.mlstore');
const clear = () => {
  for (const f of [store, `${store}-wal`, `${store}-shm`, `${store}-journal`]) rmSync(f, { force: true });
};

interface WholeJob {
  import: CommandRun;
  analyse: CommandRun;
  whole: CommandRun;
}
const jobs: Record<string, WholeJob[]> = Object.fromEntries(Object.keys(checkouts).map((k) => [k, []]));
const reading: number[] = [];
const baseline: number[] = [];
try {
  for (let r = 0; r < runs; r++) {
    for (const [name, checkout] of Object.entries(checkouts)) {
      clear();
      const out = join(work, `out-${name}-${r}`);
      const imported = runBundled(checkout, ['import', '--store', store, '--cohort', files.cohort, '--reoffences', files.reoffences, '--participants', files.participants]);
      const analysed = runBundled(checkout, ['analyse', '--store', store, '--spec', specPath, '--out', out]);
      rmSync(out, { recursive: true, force: true });
      const sum = (k: 'wallSeconds' | 'cpuSeconds') => (imported[k] === null ? null : +(imported[k]! + analysed[k]!).toFixed(2));
      const whole: CommandRun = {
        wallSeconds: sum('wallSeconds')!,
        cpuSeconds: sum('cpuSeconds'),
        peakRssMb: imported.peakRssMb === null ? null : Math.max(imported.peakRssMb, analysed.peakRssMb!),
        load: imported.load,
      };
      jobs[name].push({ import: imported, analyse: analysed, whole });
      if (name !== 'this') continue;

      const db = openStore(store, process.env.MATCHLAB_PASSPHRASE, { mode: 'open' });
      const t0 = performance.now();
      const data = loadAnalysisData(db);
      reading.push(performance.now() - t0);
      db.close();
      const national = prepareAnalysis(data.table, data.treated, data.poolEligible, analysisSpecSchema.parse(CLI_EXAMPLE_SPEC.analyses[0]));
      const { design } = buildDesign(codeCovariates(national.covariates, national.treated), national.treated);
      const t1 = performance.now();
      weightedCrossProduct(design, new Float64Array(design.n).fill(1), null, new Float64Array(design.p * design.p), new Float64Array(design.p));
      baseline.push(performance.now() - t1);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const s = (ms: number) => +(ms / 1000).toFixed(2);
const perCheckout = (list: WholeJob[]) => ({
  import: summariseRuns(list.map((j) => j.import)),
  analyse: summariseRuns(list.map((j) => j.analyse)),
  wholeJob: summariseRuns(list.map((j) => j.whole)),
});
const report: Record<string, unknown> = {
  records,
  medianOf: runs,
  goals: records <= 300_000 ? { readingSeconds: 0.5, analyseSeconds: 3, wholeJobSeconds: 12 } : { analyseSeconds: 8 },
  readingEngineDataSeconds: s(median(reading)),
  baselineOneCrossProductSeconds: s(median(baseline)),
  analyseOverBaseline: +(median(jobs.this.map((j) => j.analyse.wallSeconds)) / s(median(baseline))).toFixed(1),
};
for (const name of Object.keys(checkouts)) report[name] = { checkout: checkouts[name], ...perCheckout(jobs[name]) };
if (against) {
  const wall = (name: string) => median(jobs[name].map((j) => j.whole.wallSeconds));
  report.wholeJobWallRatioThisOverAgainst = +(wall('this') / wall('against')).toFixed(3);
}
report.loadAverageAtEnd = loadAverage();
console.log(JSON.stringify(report, null, 2));
