// Engine benchmark (issue 5): the whole National analysis (design, score model, radius matching, balance) on
// seeded synthetic cohorts of 300,000 and 1,000,000 records with about 40 design columns.
// Run: npx tsx bench/analysisBench.ts [--demo] [records ...]   Targets: total < 2 s at 300k, < 6 s at 1M (median).
// --demo takes the cohort from a `matchlab demo` extract imported into an encrypted store and read back
// exactly as the analysis job reads it (National preset, about 40 design columns); without it, a seeded
// synthetic cohort with the same number of design columns.
// The baseline is one pass accumulating X'X over the same design, measured in the same process, so the ratio
// says how many such passes the whole analysis costs whatever the machine.
import { NATIONAL, analysisSpecSchema } from '../shared/engine/analysisSpec';
import { codeCovariates } from '../shared/engine/covariateCoding';
import { buildDesign } from '../shared/engine/designMatrix';
import { weightedCrossProduct } from '../shared/engine/weightedCrossProduct';
import { prepareAnalysis } from '../shared/engine/prepareAnalysis';
import type { EngineTimings } from '../shared/engine/runAnalysisEngine';
import { runAnalysisEngine } from '../shared/engine/runAnalysisEngine';
import type { EngineInput } from '../shared/engine/prepareAnalysis';
import { SYNTHETIC_COVARIATES, syntheticCohort } from './reference/syntheticCohort';
import { demoAnalysisData } from './demoAnalysisData';

const RUNS = 5;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function syntheticInput(records: number): EngineInput {
  const treatedWanted = Math.round(records / 300);
  const cohort = syntheticCohort(records, treatedWanted, 20261125);
  const spec = analysisSpecSchema.parse({ ...NATIONAL, covariates: SYNTHETIC_COVARIATES });
  return prepareAnalysis(cohort.table, cohort.treated, cohort.eligiblePool, spec);
}

async function demoInput(records: number): Promise<EngineInput> {
  const data = await demoAnalysisData(records);
  return prepareAnalysis(data.table, data.treated, data.poolEligible, NATIONAL);
}

function benchmark(records: number, input: EngineInput): void {
  const coded = codeCovariates(input.covariates, input.treated);
  const { design } = buildDesign(coded, input.treated);
  const ones = new Float64Array(design.n).fill(1);
  const xtx = new Float64Array(design.p * design.p);
  const baselines: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    weightedCrossProduct(design, ones, null, xtx, new Float64Array(design.p));
    baselines.push(performance.now() - t);
  }

  const timings: EngineTimings[] = [];
  let last = runAnalysisEngine(input);
  for (let r = 0; r < RUNS; r++) {
    last = runAnalysisEngine(input);
    timings.push(last.timings);
  }
  const m = (key: keyof EngineTimings): number => median(timings.map((t) => t[key]));
  const baseline = median(baselines);
  const fmt = (ms: number): string => `${ms.toFixed(0).padStart(6)} ms`;
  console.log(`\n${records.toLocaleString('en-GB')} records, ${last.treatment.n} treated, ${design.p} design columns, ` +
    `${last.model.iterations} IRLS iterations, ${last.comparison.records.toLocaleString('en-GB')} comparison records, ` +
    `${last.treatment.notMatched} not matched; median of ${RUNS} runs:`);
  for (const key of ['order', 'design', 'fit', 'match', 'balance', 'total'] as const) console.log(`  ${key.padEnd(8)}${fmt(m(key))}`);
  console.log(`  baseline (one X'X pass) ${fmt(baseline)}; total / baseline = ${(m('total') / baseline).toFixed(1)}`);
  const target = records <= 300_000 ? 2000 : 6000;
  console.log(`  target ${target} ms: ${m('total') < target ? 'met' : 'MISSED'}`);
}

const useDemo = process.argv.includes('--demo');
const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
for (const records of sizes.length > 0 ? sizes : [300_000, 1_000_000]) {
  benchmark(records, useDemo ? await demoInput(records) : syntheticInput(records));
}
