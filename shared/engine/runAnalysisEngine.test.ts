import { describe, expect, it } from 'vitest';
import { SYNTHETIC_COVARIATES, seededRandom, syntheticCohort } from '../../bench/reference/syntheticCohort';
import type { MatchingInput } from './analysisSpec';
import { NATIONAL, REGIONAL, analysisSpecSchema } from './analysisSpec';
import type { Column } from './column';
import type { CohortTable } from './prepareAnalysis';
import { prepareAnalysis } from './prepareAnalysis';
import type { EngineResult } from './runAnalysisEngine';
import { runAnalysisEngine, tableRows } from './runAnalysisEngine';

/** The same cohort with rows in a random order and categorical levels listed in reverse. */
function shuffled(table: CohortTable, masks: Uint8Array[], seed: number): { table: CohortTable; masks: Uint8Array[] } {
  const random = seededRandom(seed);
  const n = table.recordIds.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const columns = new Map<string, Column>();
  for (const [name, c] of table.columns) {
    if (c.kind === 'numeric') columns.set(name, { ...c, values: Float64Array.from(order, (i) => c.values[i]) });
    else {
      const L = c.levels.length;
      columns.set(name, { ...c, levels: [...c.levels].reverse(), codes: Int32Array.from(order, (i) => (c.codes[i] < 0 ? -1 : L - 1 - c.codes[i])) });
    }
  }
  return { table: { recordIds: order.map((i) => table.recordIds[i]), columns }, masks: masks.map((m) => Uint8Array.from(order, (i) => m[i])) };
}

/** Everything but the timings and the input rows (which say where each row was in the input, so follow its order). */
function serialise(result: EngineResult): string {
  const { timings: _timings, inputRows: _inputRows, ...rest } = result;
  return JSON.stringify(rest, (_key, value) => (ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value));
}

const methods: MatchingInput[] = [
  NATIONAL.matching,
  REGIONAL.matching,
  { method: 'nearest', ratio: 1, replace: false, caliper: 0.2, caliperUnit: 'sd' },
  { method: 'nearest', ratio: 3, replace: true },
  { method: 'kernel', caliper: 0.2, caliperUnit: 'sd' },
];

describe('runAnalysisEngine', () => {
  const cohort = syntheticCohort(4000, 200, 7);
  for (const matching of methods) {
    it(`gives byte-identical output for shuffled input rows (${matching.method}${matching.method === 'nearest' ? ` k=${matching.ratio} replace=${matching.replace}` : ''})`, () => {
      const spec = analysisSpecSchema.parse({ name: 'A', pool: { region: 'sameAsTreatment' }, covariates: SYNTHETIC_COVARIATES, matching });
      const a = runAnalysisEngine(prepareAnalysis(cohort.table, cohort.treated, cohort.eligiblePool, spec));
      const s = shuffled(cohort.table, [cohort.treated, cohort.eligiblePool], 99);
      const b = runAnalysisEngine(prepareAnalysis(s.table, s.masks[0], s.masks[1], spec));
      expect(serialise(b)).toBe(serialise(a));
      // Each row's input row leads back to its record in either input's cohort table.
      const rowsB = tableRows(prepareAnalysis(s.table, s.masks[0], s.masks[1], spec), b);
      expect(Array.from(rowsB, (row) => s.table.recordIds[row])).toEqual(b.recordIds);
      expect(a.model.converged).toBe(true);
      expect(a.treatment.matched + a.treatment.notMatched).toBe(a.treatment.n);
    });
  }

  it('reports the figures results.json needs, consistently', () => {
    const phases = new Set<string>();
    const spec = analysisSpecSchema.parse({ ...NATIONAL, covariates: SYNTHETIC_COVARIATES });
    const r = runAnalysisEngine(prepareAnalysis(cohort.table, cohort.treated, cohort.eligiblePool, spec), (phase) => phases.add(phase));
    expect([...phases]).toEqual(['order', 'design', 'fit', 'match', 'balance']);
    // Radius weights of the comparison group sum to the matched treated.
    expect(r.comparison.totalWeight).toBeCloseTo(r.treatment.matched, 9);
    expect(r.comparison.records).toBe(Array.from(r.weight).filter((w, i) => r.treated[i] === 0 && w > 0).length);
    expect(r.balance.at(-1)!.variable).toBe('score');
    expect(r.model.coefficients[0].name).toBe('(Intercept)');
    expect(r.recordIds).toEqual([...r.recordIds].sort());
  });

  it('reports within matching and balance (each report is a cancel point): after sorting the pool, after each distribution', () => {
    const reports: string[] = [];
    const spec = analysisSpecSchema.parse({ ...NATIONAL, covariates: SYNTHETIC_COVARIATES });
    const r = runAnalysisEngine(prepareAnalysis(cohort.table, cohort.treated, cohort.eligiblePool, spec), (phase, done, total) => {
      if (phase === 'match' || phase === 'balance') reports.push(`${phase} ${done}/${total}`);
    });
    // The score's own distribution is the last and is followed by the phase's end.
    const numeric = r.distributions.length - 1;
    expect(numeric).toBeGreaterThan(0);
    const steps = numeric + 2;
    expect(reports).toEqual(['match 0/2', 'match 1/2', 'match 2/2', ...Array.from({ length: steps + 1 }, (_, k) => `balance ${k}/${steps}`)]);
  });
});
