// Robustness check benchmark (issue 13): the default specification grid of METHOD.md section 12 for the National
// analysis at 300,000 records. Target: <= 10 s on the project's 2-core machine class (median).
// Run: npx tsx bench/robustnessBench.ts [--demo] [records] [runs]
// Data: a seeded synthetic cohort with outcomes, blanks in ethnicity, nationality and OASys items, its rows in
// reverse record order (the engine reorders them, as it would a user's file); --demo takes a `matchlab demo`
// extract imported into an encrypted store and read back as the job reads it. As in the app, the analysis is
// run first and the check reuses its score for the analysis's own covariates (one more score model is fitted,
// without OASys items). The baseline, measured in the same process, is that analysis run itself.
import { loadavg } from 'node:os';
import { NATIONAL, analysisSpecSchema, specSchema } from '../shared/engine/analysisSpec';
import { buildRunResults, type CohortData } from '../shared/results/buildRunResults';
import { outcomesOfRows } from '../shared/cohort/recordOutcomes';
import type { TableColumn } from '../shared/engine/column';
import { runRobustness, type RobustnessTimings } from '../shared/robustness/runRobustness';
import { SYNTHETIC_COVARIATES } from './reference/syntheticCohort';
import { syntheticCohortData } from './reference/syntheticCohortData';
import { demoAnalysisData } from './demoAnalysisData';

const args = process.argv.slice(2);
const useDemo = args.includes('--demo');
const [records = 300_000, runs = 3] = args.filter((a) => a !== '--demo').map(Number);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** The same cohort with its rows in reverse order. */
function reversed(data: CohortData): CohortData {
  const n = data.table.recordIds.length;
  const order = Int32Array.from({ length: n }, (_, k) => n - 1 - k);
  const pick = <T extends Uint8Array | Int8Array | Int16Array | Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    for (let k = 0; k < n; k++) out[k] = a[order[k]];
    return out;
  };
  const columns = new Map<string, TableColumn>();
  for (const [name, c] of data.table.columns) columns.set(name, c.kind === 'numeric' ? { ...c, values: pick(c.values) } : { ...c, codes: pick(c.codes) });
  const recordIds = Array.from(order, (i) => data.table.recordIds[i]);
  return {
    table: { recordIds, columns },
    treated: pick(data.treated),
    poolEligible: pick(data.poolEligible),
    outcomes: outcomesOfRows(data.outcomes, order),
  };
}

const data = useDemo ? await demoAnalysisData(records) : reversed(syntheticCohortData(records, Math.round(records / 300), 20261125));
const analysis = useDemo ? NATIONAL : analysisSpecSchema.parse({ ...NATIONAL, covariates: SYNTHETIC_COVARIATES });
const spec = specSchema.parse({ organisation: 'Benchmark', analyses: [analysis] });
const context = { runId: 'bench', createdAt: new Date(0).toISOString(), cohortSettings: {}, funnel: [], profile: {} as never };

console.log(`load average before: ${load()}`);
const analysisMs: number[] = [];
const checks: RobustnessTimings[] = [];
// CPU time beside wall time: on a shared machine it shows what the check itself costs.
const cpuMs: number[] = [];
let entries = 0, sets = 0, treated = 0;
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  const { results, records: runRecords } = buildRunResults(data, spec, context);
  analysisMs.push(performance.now() - t);
  const own = runRecords.get(analysis.name)!;
  t = performance.now();
  const cpu = process.cpuUsage();
  const { result, timings } = runRobustness(data, results.analyses[0].spec, { alpha: spec.alpha, power: spec.power, bands: spec.bands }, [], { reference: own });
  checks.push(timings);
  const used = process.cpuUsage(cpu);
  cpuMs.push((used.user + used.system) / 1000);
  entries = result.entries.length;
  sets = result.covariateSets.filter((s) => s.run).length;
  treated = results.analyses[0].treatment.n;
  const rate = result.summaries.rate!;
  if (r === 0) console.log(`rate: direction holds in ${rate.holding} of the ${rate.passing} specifications that pass the gate; ${rate.significant} significant`);
}
const total = median(checks.map((c) => c.total));
const fit = median(checks.map((c) => c.fit));
const specs = median(checks.map((c) => c.specifications));
const baseline = median(analysisMs);
console.log(`\n${records.toLocaleString('en-GB')} records (${useDemo ? 'demo extract via the store' : 'synthetic, rows reversed'}), ${treated} treated matched; ` +
  `${entries} specifications over ${sets} covariate sets, ${checks[0].fits} score model fitted (the run's own reused); median of ${runs} runs:`);
console.log(`  robustness check total   ${total.toFixed(0).padStart(6)} ms  (target 10000 ms: ${total <= 10_000 ? 'met' : 'MISSED'}); CPU time ${median(cpuMs).toFixed(0)} ms`);
console.log(`  per specification        ${(specs / entries).toFixed(0).padStart(6)} ms  (matching, balance, gate, estimates)`);
console.log(`  fitting (and shared work per covariate set) ${fit.toFixed(0)} ms = ${((100 * fit) / total).toFixed(0)}% of the check`);
console.log(`  baseline: the analysis run itself ${baseline.toFixed(0)} ms; check / analysis = ${(total / baseline).toFixed(1)}`);
console.log(`load average after: ${load()}`);
