// Kernel matching (METHOD.md section 3.3): Epanechnikov kernel K(u) = 3/4 (1 - u^2) for |u| <= 1 on the logit
// score, bandwidth c (the caliper). w_j = sum over treated i of K((s_j - s_i)/c) / sum over j' of K((s_j' - s_i)/c),
// within the stratum. A treated unit whose kernel sum is 0 (no pool record strictly inside the bandwidth) is not
// matched. Cost: the pool sorted once, then for each treated unit only its window |s_j - s_i| <= c is visited
// (the pairs with a non-zero kernel term), summed directly so that no cancellation of prefix sums of s^2 can
// spoil small windows; memory O(n).
import type { MatchResult } from './matchResult';
import { finishTreatedWeights } from './matchResult';
import { firstBeyond, firstWithin, poolScoreOrder, strataCount, type ScoreOrder } from './scoreOrder';

export interface KernelOptions {
  /** Bandwidth c in logit units. */
  bandwidth: number;
  /** The pool's score order, when the caller has it already (several matchings of one score share it). */
  poolOrder?: ScoreOrder;
}

/** Epanechnikov kernel. */
export function epanechnikov(u: number): number {
  return Math.abs(u) <= 1 ? 0.75 * (1 - u * u) : 0;
}

export function kernelMatch(score: Float64Array, treated: Uint8Array, strata: Int32Array, options: KernelOptions): MatchResult {
  const n = score.length;
  const c = options.bandwidth;
  const order = options.poolOrder ?? poolScoreOrder(score, treated, strata, strataCount(strata));
  const poolWeight = new Float64Array(order.rows.length);
  const matchedTreated = new Uint8Array(n);
  // Each window's kernel terms, kept from the sum to the weights (computed once; the same values either way).
  let terms = new Float64Array(0);
  const setTotal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (treated[i] === 0) continue;
    const s = strata[i];
    const si = score[i];
    const start = order.stratumStart[s], end = order.stratumStart[s + 1];
    const lo = firstWithin(order.scores, start, end, si, c);
    const hi = firstBeyond(order.scores, lo, end, si, c);
    if (terms.length < hi - lo) terms = new Float64Array(hi - lo);
    let total = 0;
    for (let k = lo; k < hi; k++) total += terms[k - lo] = epanechnikov((order.scores[k] - si) / c);
    if (total === 0) continue;
    matchedTreated[i] = 1;
    setTotal[i] = total;
    for (let k = lo; k < hi; k++) poolWeight[k] += terms[k - lo] / total;
  }
  const weights = new Float64Array(n);
  for (let k = 0; k < order.rows.length; k++) weights[order.rows[k]] = poolWeight[k];
  const notMatched = finishTreatedWeights(treated, matchedTreated, weights);
  return { weights, matchedTreated, notMatched, setTotal };
}
