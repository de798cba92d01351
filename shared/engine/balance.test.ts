import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/reference/syntheticCohort';
import { balanceBand, balanceTable } from './balance';
import { codeCovariates } from './covariateCoding';
import { effectiveSampleSize } from './effectiveSampleSize';

const BANDS = { well: 5, reasonably: 10 };

describe('balanceTable', () => {
  it('matches the worked example by hand', () => {
    // Rows 0-1 treated (both matched), rows 2-4 pool with weights 1, 1, 0.
    // Categorical g: treated [a, b], pool [a, a, b] (the b has weight 0). Level a: A = T = 0.5, P = 2/3, C = 1.
    //   D = sqrt((0.25 + 2/9) / 2); before 100 (0.5 - 2/3) / D; after 100 (0.5 - 1) / D.
    // Numeric x: treated [1, 3], pool [1, 2, NaN]: fill = pool mean 1.5, missing row.
    //   A mean 2, var 2; P values [1, 2, 1.5] mean 1.5, var 0.25; D = sqrt(1.125).
    //   C: weights 1, 1 on values 1, 2 -> mean 1.5; after = 100 x 0.5 / D; var_C = 0.5 / (2 - 2/2) = 0.5; VR = 2 / 0.5.
    const treated = Uint8Array.from([1, 1, 0, 0, 0]);
    const coded = codeCovariates(
      [
        { kind: 'categorical', name: 'g', levels: ['b', 'a'], codes: Int32Array.from([1, 0, 1, 1, 0]) },
        { kind: 'numeric', name: 'x', values: Float64Array.from([1, 3, 1, 2, Number.NaN]) },
      ],
      treated,
    );
    const rows = balanceTable(coded, Float64Array.from([0, 0, 0, 0, 0]), { treated, matchedTreated: Uint8Array.from([1, 1, 0, 0, 0]), weights: Float64Array.from([1, 1, 1, 1, 0]) }, BANDS);
    expect(rows.map((r) => [r.variable, r.level])).toEqual([['g', 'a'], ['g', 'b'], ['x', null], ['x', '(missing)'], ['score', null]]);
    const dA = Math.sqrt((0.25 + 2 / 9) / 2);
    expect(rows[0].poolMean).toBeCloseTo(2 / 3, 14);
    expect(rows[0].smdBefore).toBeCloseTo((100 * (0.5 - 2 / 3)) / dA, 10);
    expect(rows[0].comparisonMean).toBe(1);
    expect(rows[0].smdAfter).toBeCloseTo((100 * (0.5 - 1)) / dA, 10);
    expect(rows[0].band).toBe('poorly');
    expect(rows[1].comparisonMean).toBe(0);
    expect(rows[2].treatedMean).toBe(2);
    expect(rows[2].poolMean).toBeCloseTo(1.5, 14);
    expect(rows[2].comparisonMean).toBeCloseTo(1.5, 14);
    expect(rows[2].smdBefore).toBeCloseTo((100 * 0.5) / Math.sqrt(1.125), 10);
    expect(rows[2].smdAfter).toBeCloseTo((100 * 0.5) / Math.sqrt(1.125), 10);
    expect(rows[2].varianceRatio).toBeCloseTo(4, 12);
    expect(rows[2].band).toBe('poorly');
    // (missing): A = 0, P = 1/3, C = 0; D = sqrt((0 + 2/9) / 2).
    expect(rows[3].smdBefore).toBeCloseTo((100 * (0 - 1 / 3)) / Math.sqrt(1 / 9), 10);
    expect(rows[3].smdAfter).toBe(0);
    expect(rows[3].varianceRatio).toBeNull();
    // Score constant: D = 0 and equal means -> 0.
    expect(rows[4].smdBefore).toBe(0);
  });

  it('equals a direct computation on random data', () => {
    const random = seededRandom(3);
    const n = 500;
    const treated = Uint8Array.from({ length: n }, () => (random() < 0.2 ? 1 : 0));
    const matchedTreated = treated.map((t) => (t === 1 && random() < 0.9 ? 1 : 0));
    const weights = Float64Array.from(treated, (t, i) => (t === 1 ? matchedTreated[i] : random() < 0.5 ? 0 : random() * 3));
    const x = Float64Array.from({ length: n }, () => Math.round(random() * 100) / 10);
    const score = Float64Array.from({ length: n }, () => random() * 2);
    const [row] = balanceTable(codeCovariates([{ kind: 'numeric', name: 'x', values: x }], treated), score, { treated, matchedTreated, weights }, BANDS);
    const idx = [...Array(n).keys()];
    const mean = (rows: number[]) => rows.reduce((s, i) => s + x[i], 0) / rows.length;
    const variance = (rows: number[]) => rows.reduce((s, i) => s + (x[i] - mean(rows)) ** 2, 0) / (rows.length - 1);
    const A = idx.filter((i) => treated[i] === 1), P = idx.filter((i) => treated[i] === 0), T = idx.filter((i) => matchedTreated[i] === 1);
    const V1 = P.reduce((s, i) => s + weights[i], 0), V2 = P.reduce((s, i) => s + weights[i] ** 2, 0);
    const meanC = P.reduce((s, i) => s + weights[i] * x[i], 0) / V1;
    const varC = P.reduce((s, i) => s + weights[i] * (x[i] - meanC) ** 2, 0) / (V1 - V2 / V1);
    const D = Math.sqrt((variance(A) + variance(P)) / 2);
    expect(row.treatedMean).toBeCloseTo(mean(T), 12);
    expect(row.poolMean).toBeCloseTo(mean(P), 12);
    expect(row.comparisonMean).toBeCloseTo(meanC, 12);
    expect(row.smdBefore).toBeCloseTo((100 * (mean(A) - mean(P))) / D, 10);
    expect(row.smdAfter).toBeCloseTo((100 * (mean(T) - meanC)) / D, 10);
    expect(row.varianceRatio).toBeCloseTo(variance(T) / varC, 10);
    expect(row.band).toBe(balanceBand(row.smdAfter, BANDS));
  });

  it('bands |d| < 5 well, 5 <= |d| < 10 reasonably, else poorly', () => {
    expect([4.99, -5, 9.99, 10, -30].map((d) => balanceBand(d, BANDS))).toEqual(['well', 'reasonably', 'reasonably', 'poorly', 'poorly']);
  });
});

describe('effectiveSampleSize', () => {
  it('is (sum w)^2 / sum w^2', () => {
    // Weights 1, 1, 2: 16 / 6.
    expect(effectiveSampleSize(Float64Array.from([1, 1, 2, 5]), Uint8Array.from([1, 1, 1, 0]))).toBeCloseTo(16 / 6, 14);
    expect(effectiveSampleSize(Float64Array.from([0.5, 0.5]))).toBe(2);
  });
});
