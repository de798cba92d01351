// Radius matching (METHOD.md section 3.1, the JDL default): one-to-many with replacement within a stratum.
// Treated i is matched to every pool record j of its stratum with |s_i - s_j| <= c, C(i) being that set;
// w_j = sum over treated i with j in C(i) of 1 / |C(i)|; a treated unit with C(i) empty is not matched.
// Cost O(n log n), memory O(n): the pool is sorted by score within strata, each C(i) is a window [lo, hi)
// found by binary search, and the weights are a prefix sum of +1/|C(i)| at lo and -1/|C(i)| at hi.
import type { MatchResult } from './matchResult';
import { finishTreatedWeights } from './matchResult';
import { firstBeyond, firstWithin, poolScoreOrder, strataCount, type ScoreOrder } from './scoreOrder';

export interface RadiusOptions {
  /** Caliper c in logit units. */
  caliper: number;
  /** The pool's score order, when the caller has it already (several matchings of one score share it). */
  poolOrder?: ScoreOrder;
}

export function radiusMatch(score: Float64Array, treated: Uint8Array, strata: Int32Array, options: RadiusOptions): MatchResult {
  const n = score.length;
  const c = options.caliper;
  const order = options.poolOrder ?? poolScoreOrder(score, treated, strata, strataCount(strata));
  const m = order.rows.length;
  const delta = new Float64Array(m);
  // Integer cover counts say exactly which pool records are in some C(i) (the float sum may leave 1e-17 residues).
  const cover = new Int32Array(m);
  const setTotal = new Float64Array(n);
  const matchedTreated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (treated[i] === 0) continue;
    const s = strata[i];
    const start = order.stratumStart[s], end = order.stratumStart[s + 1];
    const lo = firstWithin(order.scores, start, end, score[i], c);
    const hi = firstBeyond(order.scores, lo, end, score[i], c);
    if (hi === lo) continue;
    setTotal[i] = hi - lo;
    matchedTreated[i] = 1;
    const share = 1 / (hi - lo);
    delta[lo] += share;
    cover[lo]++;
    // The prefix sums restart at each stratum, so a window reaching its stratum's end needs no closing entry
    // (it would land on the next stratum's first record).
    if (hi < end) {
      delta[hi] -= share;
      cover[hi]--;
    }
  }
  const weights = new Float64Array(n);
  for (let s = 0; s + 1 < order.stratumStart.length; s++) {
    let running = 0, covering = 0;
    for (let k = order.stratumStart[s]; k < order.stratumStart[s + 1]; k++) {
      running += delta[k];
      covering += cover[k];
      weights[order.rows[k]] = covering > 0 ? running : 0;
    }
  }
  const notMatched = finishTreatedWeights(treated, matchedTreated, weights);
  return { weights, matchedTreated, notMatched, setTotal };
}
