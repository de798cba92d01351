import { describe, expect, it } from 'vitest';
import { analysisSpecSchema } from './analysisSpec';
import { INT8_BLANK, INT16_BLANK, type Column, type TableColumn } from './column';
import type { CohortTable } from './prepareAnalysis';
import { prepareAnalysis } from './prepareAnalysis';

// Rows: 0 T London M, 1 T Wales F, 2 P London M, 3 P Wales M, 4 P North F, 5 P London F, 6 not eligible.
function table(): CohortTable {
  const columns = new Map<string, Column>([
    ['sex', { kind: 'categorical', name: 'sex', levels: ['M', 'F'], codes: Int32Array.from([0, 1, 0, 0, 1, 1, 0]) }],
    ['region', { kind: 'categorical', name: 'region', levels: ['London', 'Wales', 'North'], codes: Int32Array.from([0, 1, 0, 1, 2, 0, 0]) }],
    ['age_at_index', { kind: 'numeric', name: 'age_at_index', values: Float64Array.from([20, 30, 40, 50, 60, 70, 80]) }],
    ['oasys_b', { kind: 'numeric', name: 'oasys_b', values: Float64Array.from([0, 1, 2, 0, 1, 2, 0]) }],
    ['oasys_a', { kind: 'numeric', name: 'oasys_a', values: Float64Array.from([1, 1, 1, 1, 1, 1, 0]) }],
  ]);
  return { recordIds: ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'], columns };
}
const treated = Uint8Array.from([1, 1, 0, 0, 0, 0, 0]);
const pool = Uint8Array.from([0, 0, 1, 1, 1, 1, 0]);

describe('prepareAnalysis', () => {
  it('keeps treated + eligible pool, builds sex strata, expands prefixes and drops constant covariates', () => {
    const p = prepareAnalysis(table(), treated, pool, analysisSpecSchema.parse({ name: 'N', covariates: ['age_at_index', 'oasys_*', 'region'] }));
    expect(p.recordIds).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(p.strataLabels).toEqual(['sex=F', 'sex=M']);
    expect(Array.from(p.strata)).toEqual([1, 0, 1, 1, 0, 0]);
    // oasys_a is 1 on every analysis row (row 6, the only 0, is not eligible).
    expect(p.covariates.map((c) => c.name)).toEqual(['age_at_index', 'oasys_b', 'region']);
    expect(p.droppedConstant).toEqual(['oasys_a']);
  });

  it('sameAsTreatment keeps pool rows of the treated regions, adds region to the strata and keeps it in the score model once', () => {
    const p = prepareAnalysis(table(), treated, pool, analysisSpecSchema.parse({ name: 'R', pool: { region: 'sameAsTreatment' }, covariates: ['age_at_index', 'region'] }));
    expect(p.recordIds).toEqual(['r0', 'r1', 'r2', 'r3', 'r5']);
    expect(p.exact).toEqual(['sex', 'region']);
    expect(p.strataLabels).toEqual(['sex=F, region=London', 'sex=F, region=Wales', 'sex=M, region=London', 'sex=M, region=Wales']);
    expect(Array.from(p.strata)).toEqual([2, 1, 2, 3, 0]);
    // Treated in London and Wales: region varies, so the score model keeps it (once, though also listed).
    expect(p.covariates.map((c) => c.name)).toEqual(['age_at_index', 'region']);
    // Treated in London only: region is constant in the analysis and stays out of the model.
    const londonOnly = prepareAnalysis(table(), Uint8Array.from([1, 0, 0, 0, 0, 0, 0]), pool, analysisSpecSchema.parse({ name: 'R', pool: { region: 'sameAsTreatment' }, covariates: ['age_at_index'] }));
    expect(londonOnly.covariates.map((c) => c.name)).toEqual(['age_at_index']);
    // r4 (North) is eligible but in no treated record's region: a discarded control.
    expect(p.poolOutsideFilter).toBe(1);
    expect(p.treatedOutsideFilterIds).toEqual([]);
  });

  it('prepares a table holding compact numbers (as the column store keeps them) as the same table in doubles', () => {
    const wide = table();
    const compact: CohortTable = { ...wide, columns: new Map<string, TableColumn>(wide.columns) };
    // age as int16 and the OASys items as int8, each with a blank; the doubles hold NaN there.
    const blanks = (name: string, i: number) => {
      (wide.columns.get(name) as { values: Float64Array }).values[i] = NaN;
    };
    compact.columns.set('age_at_index', { kind: 'numeric', name: 'age_at_index', values: Int16Array.from([20, 30, INT16_BLANK, 50, 60, 70, 80]) });
    compact.columns.set('oasys_b', { kind: 'numeric', name: 'oasys_b', values: Int8Array.from([0, 1, 2, INT8_BLANK, 1, 2, 0]) });
    compact.columns.set('oasys_a', { kind: 'numeric', name: 'oasys_a', values: Int8Array.from([1, 1, 1, 1, 1, 1, 0]) });
    blanks('age_at_index', 2);
    blanks('oasys_b', 3);
    for (const spec of [
      { name: 'N', covariates: ['age_at_index', 'oasys_*', 'region'] },
      // A numeric exact-match variable and a numeric equality filter read the compact values too.
      { name: 'E', exact: ['sex', 'oasys_b'], covariates: ['age_at_index'] },
      { name: 'F', pool: { oasys_b: 1 }, covariates: ['age_at_index'] },
    ]) {
      const a = prepareAnalysis(wide, treated, pool, analysisSpecSchema.parse(spec));
      const b = prepareAnalysis(compact, treated, pool, analysisSpecSchema.parse(spec));
      expect(b).toEqual(a);
    }
  });

  it('applies an equality filter to treated and pool alike', () => {
    const p = prepareAnalysis(table(), treated, pool, analysisSpecSchema.parse({ name: 'M', pool: { sex: 'M' }, exact: [], covariates: ['age_at_index'] }));
    expect(p.recordIds).toEqual(['r0', 'r2', 'r3']);
    expect(p.treatedOutsideFilter).toBe(1);
    expect(p.treatedOutsideFilterIds).toEqual(['r1']);
    // r4 and r5 (women) are eligible pool records the filter leaves out; r6 was never eligible.
    expect(p.poolOutsideFilter).toBe(2);
  });

  it('names unknown covariates', () => {
    expect(() => prepareAnalysis(table(), treated, pool, analysisSpecSchema.parse({ name: 'X', covariates: ['age_at_index', 'shoe_size', 'iq'] }))).toThrow('unknown covariates: shoe_size, iq');
  });

  it('codes strata in label byte order whether the possible keys are few (a table) or many (a map)', () => {
    // Exact on two numeric columns of 300 values each: 301 x 301 possible keys, more than the table takes; the
    // same on one column of them takes the table. Either way code k is the k-th label in byte order.
    const n = 300;
    const a = Float64Array.from({ length: n }, (_, i) => i);
    const b = Float64Array.from({ length: n }, (_, i) => (i * 7) % n);
    const columns = new Map<string, Column>([
      ['a', { kind: 'numeric', name: 'a', values: a }],
      ['b', { kind: 'numeric', name: 'b', values: b }],
      ['x', { kind: 'numeric', name: 'x', values: Float64Array.from({ length: n }, (_, i) => i % 13) }],
    ]);
    const t: CohortTable = { recordIds: Array.from({ length: n }, (_, i) => `r${i}`), columns };
    const isTreated = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const eligible = Uint8Array.from(isTreated, (x) => 1 - x);
    for (const exact of [['a'], ['a', 'b']]) {
      const p = prepareAnalysis(t, isTreated, eligible, analysisSpecSchema.parse({ name: 'S', exact, covariates: ['x'] }));
      const expected = Array.from({ length: n }, (_, i) => exact.map((name) => `${name}=${(name === 'a' ? a : b)[i]}`).join(', '));
      const sorted = [...expected].sort((x, y) => (x < y ? -1 : 1));
      expect(p.strataLabels).toEqual(sorted);
      expect(Array.from(p.strata, (code) => p.strataLabels[code])).toEqual(expected);
    }
  });
});

