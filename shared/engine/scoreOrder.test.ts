import { describe, expect, it } from 'vitest';
import { poolScoreOrder, rowsByScore, sortRowsByScore } from './scoreOrder';

/** The plain stable sort the radix sort must equal: by score (-0 as +0), then by position in `rows`. */
function stableSort(rows: Int32Array, score: Float64Array): number[] {
  return [...rows].map((row, k) => ({ row, k })).sort((a, b) => score[a.row] - score[b.row] || a.k - b.k).map((x) => x.row);
}

describe('sortRowsByScore', () => {
  it('orders rows by score, equal scores (and -0, +0) in their given order', () => {
    const score = Float64Array.of(0.5, -2, 0, -0, 0.5, -1e-300, 3);
    // rows 2 and 3 are 0 and -0: equal, so they keep the order they are given in (3 before 2 here).
    expect([...sortRowsByScore(Int32Array.of(4, 3, 2, 1, 0, 5, 6), score)]).toEqual([1, 5, 3, 2, 4, 0, 6]);
  });

  it('agrees with a stable comparison sort on scores sharing their high digits, with ties and negatives', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const n = 5000;
    // Scores in [1, 1.001): every key has the same top 16 bits (that pass is skipped); a fifth repeat a value.
    const score = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1.0005 : 1 + random() / 1000));
    const mixed = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? -score[i] : score[i] * (random() < 0.5 ? -1e5 : 1e-5)));
    for (const s of [score, mixed]) {
      const rows = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n);
      expect([...sortRowsByScore(rows, s)]).toEqual(stableSort(rows, s));
    }
  });

  it('returns an empty order for no rows', () => {
    expect(sortRowsByScore(new Int32Array(0), new Float64Array(0)).length).toBe(0);
  });
});

describe('poolScoreOrder', () => {
  it('groups the pool rows by stratum, sorted by score within each, treated rows left out', () => {
    const score = Float64Array.of(0.3, 0.1, 0.2, 0.1, 0.9, 0.0);
    const treated = Uint8Array.of(0, 0, 1, 0, 0, 0);
    const strata = Int32Array.of(1, 0, 0, 1, 1, 0);
    const order = poolScoreOrder(score, treated, strata, 2);
    expect([...order.rows]).toEqual([5, 1, 3, 0, 4]);
    expect([...order.scores]).toEqual([0.0, 0.1, 0.1, 0.3, 0.9]);
    expect([...order.stratumStart]).toEqual([0, 2, 5]);
    // From every row already sorted by score: the same order.
    expect([...rowsByScore(score)]).toEqual([5, 1, 3, 2, 0, 4]);
    expect(poolScoreOrder(score, treated, strata, 2, rowsByScore(score))).toEqual(order);
  });
});
