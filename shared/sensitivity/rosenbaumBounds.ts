// Rosenbaum bounds for the sign test of a binary outcome over matched pairs (Rosenbaum, Observational Studies,
// 2002, ch. 4; METHOD.md section 11). Of the pairs where exactly one person reoffended, a are pairs where only
// the treated person did and b pairs where only the comparison person did. If an unrecorded factor made one
// member of a pair up to Gamma times as likely to take part as the other, the one-sided p-value of the sign test
// in the observed direction is at most P(X >= max(a, b)), X ~ Binomial(a + b, Gamma / (1 + Gamma)).
import betainc from '@stdlib/math-base-special-betainc';

/** The hidden-bias levels at which the bound is reported. */
export const REPORTED_GAMMAS = [1, 1.5, 2] as const;
/** The critical Gamma is found on the grid 1, 1.05, 1.10, ... (METHOD.md: "to 0.05"). */
export const GAMMA_STEPS_PER_UNIT = 20;

export interface GammaBound {
  gamma: number;
  /** Upper bound of the one-sided p-value under hidden bias Gamma. */
  p: number;
}

export interface RosenbaumBounds {
  /** Matched pairs (1:1 without replacement). */
  pairs: number;
  /** Pairs where only the treated person reoffended. */
  treatedOnly: number;
  /** Pairs where only the comparison person reoffended. */
  comparisonOnly: number;
  /** The bound at Gamma = 1 (the exact McNemar test's one-sided p), 1.5 and 2. */
  bounds: GammaBound[];
  /** The two-sided significance level the critical Gamma refers to (the run's). */
  alpha: number;
  /**
   * The largest Gamma on the 0.05 grid at which the bound stays <= alpha / 2 (the finding stays significant in a
   * two-sided test at level alpha); null when it is not significant even without hidden bias.
   */
  criticalGamma: number | null;
}

/** P(X >= k) for X ~ Binomial(n, p) = I_p(k, n - k + 1) (regularised incomplete beta), accurate in the far tail. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return betainc(p, k, n - k + 1, true, false);
}

/** P(X >= max(a, b)), X ~ Binomial(a + b, Gamma / (1 + Gamma)); 1 when there is no discordant pair. */
export function rosenbaumBound(a: number, b: number, gamma: number): number {
  const n = a + b;
  if (n === 0) return 1;
  return binomialUpperTail(Math.max(a, b), n, gamma / (1 + gamma));
}

/** Largest Gamma = 1 + k / 20 with rosenbaumBound(a, b, Gamma) <= alpha / 2 (the bound grows with Gamma). */
export function criticalGamma(a: number, b: number, alpha: number): number | null {
  const gammaAt = (k: number) => (GAMMA_STEPS_PER_UNIT + k) / GAMMA_STEPS_PER_UNIT;
  const holds = (k: number) => rosenbaumBound(a, b, gammaAt(k)) <= alpha / 2;
  if (!holds(0)) return null;
  // The bound tends to 1 as Gamma grows, so doubling finds a failing step; then bisect between the two.
  let good = 0;
  let bad = 1;
  while (holds(bad)) {
    good = bad;
    bad *= 2;
  }
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (holds(mid)) good = mid;
    else bad = mid;
  }
  return gammaAt(good);
}

export function rosenbaumBounds(pairs: number, treatedOnly: number, comparisonOnly: number, alpha: number): RosenbaumBounds {
  return {
    pairs,
    treatedOnly,
    comparisonOnly,
    bounds: REPORTED_GAMMAS.map((gamma) => ({ gamma, p: rosenbaumBound(treatedOnly, comparisonOnly, gamma) })),
    alpha,
    criticalGamma: criticalGamma(treatedOnly, comparisonOnly, alpha),
  };
}

/** a and b of the pairs (pairTreated[q], pairControl[q]) for a 0/1 outcome. */
export function discordantPairs(pairTreated: Int32Array, pairControl: Int32Array, outcome: ArrayLike<number>): { treatedOnly: number; comparisonOnly: number } {
  let treatedOnly = 0;
  let comparisonOnly = 0;
  for (let q = 0; q < pairTreated.length; q++) {
    const t = outcome[pairTreated[q]], c = outcome[pairControl[q]];
    if (t === 1 && c === 0) treatedOnly++;
    else if (t === 0 && c === 1) comparisonOnly++;
  }
  return { treatedOnly, comparisonOnly };
}
