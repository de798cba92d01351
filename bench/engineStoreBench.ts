// The engine's part of `matchlab analyse` on a real store (issue 9): each analysis of a spec built on its own
// (prepare, score, match, balance, outcomes: shared/results buildAnalysis), as the analysis job's threads build
// them, with the cohort read once. CPU time of the engine only: no store reads, saving or exports.
// Run: MATCHLAB_PASSPHRASE=... npx tsx bench/engineStoreBench.ts --store S.mlstore --spec spec.json [--runs 5]
// It prints per analysis the CPU time of buildAnalysis on its first run (cold: what `matchlab analyse`, which runs
// each analysis once on its own thread, pays) and the median CPU and wall time of the later runs, each engine
// phase's median, the load average, and the ratio to one unweighted X'X pass over that analysis's design measured
// in the same process (how many such passes the analysis costs, whatever the machine's load). CPU time is the
// steadier figure on a shared machine.
import { readFileSync } from 'node:fs';
import { openStore } from '../db/store';
import { loadAnalysisData } from '../db/runs/analysisData';
import { specSchema } from '../shared/engine/analysisSpec';
import { codeCovariates } from '../shared/engine/covariateCoding';
import { buildDesign } from '../shared/engine/designMatrix';
import { prepareAnalysis } from '../shared/engine/prepareAnalysis';
import type { EngineTimings } from '../shared/engine/runAnalysisEngine';
import { runAnalysisEngine } from '../shared/engine/runAnalysisEngine';
import { weightedCrossProduct } from '../shared/engine/weightedCrossProduct';
import { buildAnalysis } from '../shared/results/buildRunResults';
import { arg, cpuMsSince, loadAverage, median } from './benchExtract';

const storePath = arg('store', '');
const specPath = arg('spec', '');
const runs = Number(arg('runs', '5'));
const passphrase = process.env.MATCHLAB_PASSPHRASE;
if (!storePath || !specPath || !passphrase) {
  console.error('usage: MATCHLAB_PASSPHRASE=... npx tsx bench/engineStoreBench.ts --store S.mlstore --spec spec.json [--runs 5]');
  process.exit(2);
}
const spec = specSchema.parse(JSON.parse(readFileSync(specPath, 'utf8')));
const db = openStore(storePath, passphrase, { mode: 'open' });
const data = loadAnalysisData(db);
db.close();
console.log(`${data.table.recordIds.length.toLocaleString('en-GB')} records; median of ${runs} runs (after one warm-up); load average before: ${loadAverage()}`);

spec.analyses.forEach((analysis, a) => {
  const prepared = prepareAnalysis(data.table, data.treated, data.poolEligible, analysis);
  const { design } = buildDesign(codeCovariates(prepared.covariates, prepared.treated), prepared.treated);
  const ones = new Float64Array(design.n).fill(1);
  const xtx = new Float64Array(design.p * design.p);
  const baselines: number[] = [];
  const whole: number[] = [];
  const cpu: number[] = [];
  const timings: EngineTimings[] = [];
  const cold = process.cpuUsage();
  buildAnalysis(data, spec, a);
  const coldCpu = cpuMsSince(cold);
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    weightedCrossProduct(design, ones, null, xtx, new Float64Array(design.p));
    baselines.push(performance.now() - t);
    t = performance.now();
    const c = process.cpuUsage();
    buildAnalysis(data, spec, a);
    cpu.push(cpuMsSince(c));
    whole.push(performance.now() - t);
    timings.push(runAnalysisEngine(prepared).timings);
  }
  const fmt = (ms: number): string => `${ms.toFixed(0).padStart(5)} ms`;
  const phase = (key: keyof EngineTimings) => `${key} ${fmt(median(timings.map((t) => t[key])))}`;
  const baseline = median(baselines);
  console.log(`${analysis.name}: ${design.n.toLocaleString('en-GB')} rows, ${design.p} design columns; buildAnalysis: first run CPU ${fmt(coldCpu)}, ` +
    `then CPU ${fmt(median(cpu))}, wall ${fmt(median(whole))} (${(median(whole) / baseline).toFixed(1)} X'X passes of ${fmt(baseline)}); engine alone (wall): ` +
    (['order', 'design', 'fit', 'match', 'balance', 'total'] as const).map(phase).join(', '));
});
console.log(`load average after: ${loadAverage()}`);
