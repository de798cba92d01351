// Rosenbaum bounds against the exact McNemar test (Gamma = 1) and a direct binomial sum for several (a, b, Gamma).
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, criticalGamma, discordantPairs, rosenbaumBound, rosenbaumBounds } from './rosenbaumBounds';

/** P(X >= k), X ~ Binomial(n, p), summed term by term: pmf(j + 1) = pmf(j) (n - j)/(j + 1) p/(1 - p). */
function directTail(k: number, n: number, p: number): number {
  let pmf = (1 - p) ** n;
  let tail = 0;
  for (let j = 0; j <= n; j++) {
    if (j >= k) tail += pmf;
    pmf *= ((n - j) / (j + 1)) * (p / (1 - p));
  }
  return tail;
}

describe('rosenbaumBound', () => {
  it('at Gamma = 1 is the exact McNemar test’s one-sided p-value', () => {
    // 15 pairs where only the treated person reoffended, 5 where only the comparison person did:
    // P(X >= 15 | 20, 1/2) = (15504 + 4845 + 1140 + 190 + 20 + 1) / 2^20 = 21700 / 1048576 (R: binom.test(15, 20,
    // alternative = "greater") gives 0.02069473).
    expect(rosenbaumBound(15, 5, 1)).toBeCloseTo(21700 / 1048576, 14);
    // The direction is the observed one: the same p-value when the comparison group does worse.
    expect(rosenbaumBound(5, 15, 1)).toBeCloseTo(21700 / 1048576, 14);
  });

  it('equals a direct binomial computation for several (a, b, Gamma)', () => {
    const cases: [number, number][] = [[15, 5], [30, 12], [60, 35], [3, 0], [10, 10], [7, 9], [120, 80], [1, 0]];
    for (const [a, b] of cases) {
      for (const gamma of [1, 1.25, 1.5, 2, 3.5]) {
        const p = gamma / (1 + gamma);
        const want = directTail(Math.max(a, b), a + b, p);
        expect(Math.abs(rosenbaumBound(a, b, gamma) - want)).toBeLessThan(1e-12 + 1e-10 * want);
      }
    }
  });

  it('gives worked values (exact fractions) at Gamma 1.5 and 2', () => {
    // 15 of 20 at p = 0.6: 0.12559897; at p = 2/3: 0.29721389 (sums of C(20, k) p^k (1 - p)^(20 - k), k >= 15).
    expect(rosenbaumBound(15, 5, 1.5)).toBeCloseTo(0.125598972723, 11);
    expect(rosenbaumBound(15, 5, 2)).toBeCloseTo(0.29721389361, 11);
  });

  it('is 1 with no discordant pair', () => {
    expect(rosenbaumBound(0, 0, 2)).toBe(1);
  });
});

describe('binomialUpperTail', () => {
  it('keeps precision far in the tail, where 1 - cdf would give 0', () => {
    // P(X >= 100 | 100, 1/2) = 2^-100.
    expect(binomialUpperTail(100, 100, 0.5) / 2 ** -100).toBeCloseTo(1, 10);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
  });
});

describe('criticalGamma', () => {
  it('is the largest Gamma on the 0.05 grid with the bound <= alpha / 2', () => {
    // By the exact sums: 30 against 12 holds to 1.20 (bound 0.0191; 0.0261 at 1.25); 60 against 35 to 1.10.
    expect(criticalGamma(30, 12, 0.05)).toBe(1.2);
    expect(criticalGamma(60, 35, 0.05)).toBe(1.1);
    for (const [a, b] of [[30, 12], [60, 35], [200, 90], [40, 2], [12, 0]] as [number, number][]) {
      const g = criticalGamma(a, b, 0.05)!;
      expect(directTail(Math.max(a, b), a + b, g / (1 + g))).toBeLessThanOrEqual(0.025);
      const next = g + 0.05;
      expect(directTail(Math.max(a, b), a + b, next / (1 + next))).toBeGreaterThan(0.025);
    }
  });

  it('is 1 when the finding is significant only without hidden bias, null when not even then', () => {
    // 15 against 5: 0.0207 at Gamma 1, above 0.025 at 1.05.
    expect(criticalGamma(15, 5, 0.05)).toBe(1);
    expect(criticalGamma(10, 10, 0.05)).toBeNull();
    expect(criticalGamma(3, 0, 0.05)).toBeNull();
    expect(criticalGamma(0, 0, 0.05)).toBeNull();
    // A stricter alpha lowers it.
    expect(criticalGamma(30, 12, 0.01)).toBe(1);
  });
});

describe('rosenbaumBounds and discordantPairs', () => {
  it('count the discordant pairs of a 0/1 outcome and report the bounds at Gamma 1, 1.5 and 2', () => {
    // Rows 0-3 treated, 4-7 their matches; outcomes: pairs (0,4) 1-0, (1,5) 1-0, (2,6) 0-1, (3,7) 1-1.
    const outcome = Uint8Array.of(1, 1, 0, 1, 0, 0, 1, 1);
    expect(discordantPairs(Int32Array.of(0, 1, 2, 3), Int32Array.of(4, 5, 6, 7), outcome)).toEqual({ treatedOnly: 2, comparisonOnly: 1 });
    const r = rosenbaumBounds(42, 30, 12, 0.05);
    expect(r.bounds.map((x) => x.gamma)).toEqual([1, 1.5, 2]);
    expect(r.bounds[0].p).toBeCloseTo(0.003957948667, 11);
    expect(r.bounds[1].p).toBeCloseTo(0.08595483713, 10);
    expect(r.bounds[2].p).toBeCloseTo(0.3170036124, 9);
    expect(r.criticalGamma).toBe(1.2);
    expect(r).toMatchObject({ pairs: 42, treatedOnly: 30, comparisonOnly: 12 });
  });
});
