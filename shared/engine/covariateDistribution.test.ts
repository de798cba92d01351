import { describe, expect, it } from 'vitest';
import { MAX_DISTRIBUTION_POINTS, numericDistribution } from './covariateDistribution';

describe('numericDistribution', () => {
  // Matched treated at 1, 2, 3; an unmatched treated at 10; comparison records at 2 (w 1), 3 (w 1), 4 (w 2); a pool
  // record at 0 with weight 0 (in P, not in C).
  const values = Float64Array.from([1, 2, 3, 10, 2, 3, 4, 0]);
  const groups = {
    treated: Uint8Array.from([1, 1, 1, 1, 0, 0, 0, 0]),
    matchedTreated: Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0]),
    weights: Float64Array.from([1, 1, 1, 0, 1, 1, 2, 0]),
  };

  it('gives each group its CDF at every distinct value and the weighted KS after matching', () => {
    const d = numericDistribution('x', values, null, groups);
    expect(d.x).toEqual([0, 1, 2, 3, 4, 10]);
    expect(d.allTreated).toEqual([0, 0.25, 0.5, 0.75, 0.75, 1]);
    expect(d.pool).toEqual([0.25, 0.25, 0.5, 0.75, 1, 1]);
    expect(d.treated).toEqual([0, 1 / 3, 2 / 3, 1, 1, 1]);
    expect(d.comparison).toEqual([0, 0, 0.25, 0.5, 1, 1]);
    // |F_T - F_C| is 1/3, 5/12, 1/2, 0 at 1, 2, 3, 4: the largest is 0.5, at 3.
    expect(d.ksAfter).toBeCloseTo(0.5, 15);
  });

  it('leaves out missing values', () => {
    // The unmatched treated's 10 is missing: A has three values, and 10 is no grid point.
    const d = numericDistribution('x', values, Uint8Array.from([0, 0, 0, 1, 0, 0, 0, 0]), groups);
    expect(d.x).toEqual([0, 1, 2, 3, 4]);
    expect(d.allTreated[d.allTreated.length - 1]).toBe(1);
    expect(d.allTreated[1]).toBeCloseTo(1 / 3, 15);
  });

  it('keeps pooled quantiles when there are many distinct values, ending at the largest', () => {
    const n = 1000;
    const many = Float64Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const treated = Uint8Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const d = numericDistribution('x', many, null, { treated, matchedTreated: treated, weights: Float64Array.from(treated, (t) => 1 - t) });
    expect(d.x.length).toBe(MAX_DISTRIBUTION_POINTS);
    expect(d.x[d.x.length - 1]).toBe(n - 1);
    expect(d.pool[d.pool.length - 1]).toBe(1);
    // Every tenth value is treated: both CDFs rise evenly, so they never differ by more than a few steps.
    expect(d.ksAfter).toBeLessThan(0.02);
  });

  it('gives the same KS through the sorting path (many distinct values) as a direct computation', () => {
    // 6,000 distinct values: more than the map takes, so the rows are sorted.
    let seed = 99;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 6000;
    const values = Float64Array.from({ length: n }, (_, i) => i + rand() * 0.5);
    const treated = Uint8Array.from({ length: n }, () => (rand() < 0.2 ? 1 : 0));
    const weights = Float64Array.from(treated, (t) => (t ? 1 : rand() < 0.5 ? rand() * 3 : 0));
    const d = numericDistribution('x', values, null, { treated, matchedTreated: treated, weights });
    // Direct: at each value, the share of treated and of comparison weight at or below it.
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
    const totalT = treated.reduce((s, t) => s + t, 0);
    const totalC = order.reduce((s, i) => s + (treated[i] ? 0 : weights[i]), 0);
    let t = 0, c = 0, ks = 0;
    for (const i of order) {
      if (treated[i]) t++;
      else c += weights[i];
      ks = Math.max(ks, Math.abs(t / totalT - c / totalC));
    }
    expect(d.ksAfter).toBeCloseTo(ks, 12);
    expect(d.x.length).toBe(MAX_DISTRIBUTION_POINTS);
    expect(d.treated[d.treated.length - 1]).toBe(1);
  });

  it('gives whole values (summed by slot) the same figures as the same values made fractions (summed after sorting)', () => {
    // -2 .. 40 with a -0, in no order; halving makes them fractions, so the second call sorts its rows.
    const n = 300;
    const whole = Float64Array.from({ length: n }, (_, i) => (i === 7 ? -0 : ((i * 37) % 43) - 2));
    const halves = whole.map((v) => v / 2);
    const treated = Uint8Array.from({ length: n }, (_, i) => (i % 6 === 0 ? 1 : 0));
    const g = { treated, matchedTreated: Uint8Array.from(treated, (t, i) => (t && i % 12 === 0 ? 1 : 0)), weights: Float64Array.from({ length: n }, (_, i) => (i % 5) / 3) };
    const bySlot = numericDistribution('x', whole, null, g);
    const bySort = numericDistribution('x', halves, null, g);
    expect(bySlot.x).toEqual(bySort.x.map((v) => v * 2));
    expect(bySlot.x[0]).toBe(-2);
    expect(bySlot.x).toContain(0);
    for (const key of ['allTreated', 'pool', 'treated', 'comparison', 'ksAfter'] as const) expect(bySlot[key]).toEqual(bySort[key]);
  });

  it('takes rows the caller has already sorted by value', () => {
    const sorted = Int32Array.from([7, 0, 1, 4, 2, 5, 6, 3]);
    expect(numericDistribution('x', values, null, groups, sorted)).toEqual(numericDistribution('x', values, null, groups));
  });
});
