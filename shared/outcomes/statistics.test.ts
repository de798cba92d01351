// Unit tests of the statistical kernels, against hand calculations and R (quoted).
import { describe, expect, it } from 'vitest';
import { confidenceHalfWidth } from './confidenceHalfWidth';
import { ExactSum } from './exactSum';
import { sampleSizeNeeded } from './sampleSizeNeeded';
import { weightedMoments } from './weightedMoments';
import { welchTest } from './welchTest';

describe('ExactSum', () => {
  it('sums exactly, whatever the order', () => {
    const terms = [1e16, 1, -1e16, 0.1, 0.2, 0.3];
    const forward = new ExactSum();
    const backward = new ExactSum();
    for (const t of terms) forward.add(t);
    for (const t of [...terms].reverse()) backward.add(t);
    // Exact total 1.6 (0.1 + 0.2 + 0.3 as doubles is 0.6000000000000001 naively; fsum gives 1.6).
    expect(forward.value()).toBe(1.6);
    expect(backward.value()).toBe(1.6);
    expect(new ExactSum().value()).toBe(0);
  });
});

describe('weightedMoments', () => {
  it('gives the weighted mean, the METHOD.md variance and the effective size', () => {
    // y = 1, 2, 4 with w = 1, 1, 2 (and a w = 0 row holding NaN): V1 = 4, V2 = 6, mean = 11/4 = 2.75,
    // sum w (y - mean)^2 = 3.0625 + 0.5625 + 2 x 1.5625 = 6.75, / (4 - 6/4) = 2.7; n = 16/6.
    const g = weightedMoments(Float64Array.of(1, 2, NaN, 4), Float64Array.of(1, 1, 0, 2));
    expect(g.records).toBe(3);
    expect(g.mean).toBe(2.75);
    expect(g.variance).toBeCloseTo(2.7, 14);
    expect(g.n).toBeCloseTo(16 / 6, 14);
  });

  it('reduces to the sample mean and (n - 1) variance with 0/1 weights', () => {
    // 1, 2, 3, 4: mean 2.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3.
    const g = weightedMoments(Int32Array.of(1, 2, 3, 4), Uint8Array.of(1, 1, 1, 1));
    expect(g).toEqual({ records: 4, n: 4, mean: 2.5, variance: 5 / 3 });
  });

  it('is unchanged by rescaling the weights (renormalisation)', () => {
    const a = weightedMoments(Float64Array.of(3, 7, 8), Float64Array.of(0.5, 1.5, 2));
    const b = weightedMoments(Float64Array.of(3, 7, 8), Float64Array.of(0.125, 0.375, 0.5));
    expect(b.mean).toBeCloseTo(a.mean, 14);
    expect(b.variance).toBeCloseTo(a.variance, 14);
    expect(b.n).toBeCloseTo(a.n, 14);
  });

  it('marks an empty group and a single record', () => {
    expect(weightedMoments(Float64Array.of(5), Float64Array.of(0))).toEqual({ records: 0, n: 0, mean: NaN, variance: NaN });
    const one = weightedMoments(Float64Array.of(5), Float64Array.of(3));
    expect(one.mean).toBe(5);
    expect(one.variance).toBeNaN();
  });
});

describe('welchTest', () => {
  it('matches R for unequal variances', () => {
    // T: n 10, mean 5, var 4; C: n 20, mean 4, var 9. a = 0.4, b = 0.45, SE = sqrt(0.85) = 0.9219544,
    // df = 0.7225 / (0.16/9 + 0.2025/19) = 25.40823 (R); R: qt(0.975, df) x SE = 1.897255 ->
    // CI [-0.897255, 2.897255]; p = 2 pt(-1/0.9219544, df) = 0.2882607.
    const t = welchTest({ n: 10, mean: 5, variance: 4 }, { n: 20, mean: 4, variance: 9 }, 0.05);
    expect(t.difference).toBe(1);
    expect(t.standardError).toBeCloseTo(0.9219544457, 9);
    expect(t.df).toBeCloseTo(25.40823, 4);
    expect(t.ciLow).toBeCloseTo(-0.897255, 5);
    expect(t.ciHigh).toBeCloseTo(2.897255, 5);
    expect(t.p).toBeCloseTo(0.2882607, 6);
    expect(t.significant).toBe(false);
  });

  it('is significant when p <= alpha', () => {
    // d = 2, SE = sqrt(0.4 + 0) = 0.632456, df = 9: t = 3.162278, R: p = 2 pt(-3.162278, 9) = 0.011507.
    const t = welchTest({ n: 10, mean: 6, variance: 4 }, { n: 1e9, mean: 4, variance: 0 }, 0.05);
    expect(t.df).toBeCloseTo(9, 9);
    expect(t.p).toBeCloseTo(0.011507, 5);
    expect(t.significant).toBe(true);
    expect(welchTest({ n: 10, mean: 6, variance: 4 }, { n: 1e9, mean: 4, variance: 0 }, 0.01).significant).toBe(false);
  });

  it('gives no CI or p, with a reason, when nothing varies or a group is too small', () => {
    const flat = welchTest({ n: 10, mean: 0, variance: 0 }, { n: 50, mean: 0, variance: 0 }, 0.05);
    expect([flat.ciLow, flat.ciHigh, flat.p, flat.standardError]).toEqual([null, null, null, null]);
    expect(flat.significant).toBe(false);
    expect(flat.unavailableReason).toMatch(/same value for this measure/);
    expect(welchTest({ n: 1, mean: 3, variance: NaN }, { n: 50, mean: 0, variance: 1 }, 0.05).unavailableReason).toMatch(/fewer than 2 people/);
    expect(welchTest({ n: 9, mean: 3, variance: 1 }, { n: 1, mean: 0, variance: NaN }, 0.05).unavailableReason).toMatch(/comparison group is too small/);
  });
});

describe('confidenceHalfWidth', () => {
  it('is t(0.975, n - 1) s / sqrt(n)', () => {
    // R: qt(0.975, 9) = 2.262157; x 2 / sqrt(10) = 1.430714.
    expect(confidenceHalfWidth({ n: 10, mean: 0, variance: 4 }, 0.05)).toBeCloseTo(1.430714, 6);
    expect(confidenceHalfWidth({ n: 1, mean: 0, variance: NaN }, 0.05)).toBeNull();
  });
});

describe('sampleSizeNeeded', () => {
  it('is (z(1 - alpha/2) + z(power))^2 s^2 / d^2 rounded up', () => {
    // (1.959964 + 0.841621)^2 = 7.848879; x 0.25 / 0.01 = 196.22 -> 197.
    expect(sampleSizeNeeded(0.25, 0.1, 0.05, 0.8)).toBe(197);
    expect(sampleSizeNeeded(0.25, -0.1, 0.05, 0.8)).toBe(197);
    expect(sampleSizeNeeded(0.25, 0, 0.05, 0.8)).toBeNull();
    expect(sampleSizeNeeded(0, 0.1, 0.05, 0.8)).toBeNull();
  });
});
