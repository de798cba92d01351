// Nearest-neighbour k:1 matching (METHOD.md section 3.2) within strata.
// Options: ratio k >= 1; replace (a pool record may serve several treated units); caliper c (optional, logit units:
// a candidate further than c is never taken).
// Rules: treated units take their turn highest score first, ties by record_id (MatchIt's m.order = "largest");
// candidates are ordered by (score, record_id); the nearest by |score difference| wins, on equal distance the
// lower score, on equal score the lower record_id. Without replacement and k > 1, matching goes in rounds: in each
// round every treated unit, in turn, takes one more control. Weights: w_j = sum over the treated units i that took
// j of 1/k_i, k_i being the number of controls i got; a treated unit with none is not matched.
// Rows are in record_id byte order, so "lower record_id" is "lower row". Cost O(n log n): candidates are found
// from the treated unit's position in the sorted pool; taken records are skipped by path-compressed
// "next available" links.
import type { MatchResult } from './matchResult';
import { finishTreatedWeights } from './matchResult';
import { poolScoreOrder, sortRowsByScore, strataCount, type ScoreOrder } from './scoreOrder';

export interface NearestOptions {
  ratio: number;
  replace: boolean;
  /** Caliper in logit units, or null for none. */
  caliper: number | null;
  /** The pool's score order, when the caller has it already (several matchings of one score share it). */
  poolOrder?: ScoreOrder;
}

export interface NearestResult extends MatchResult {
  /** Pairs in the order they were made: pairTreated[k] took pairControl[k]. */
  pairTreated: Int32Array;
  pairControl: Int32Array;
}

/** Treated rows by descending score, ties by ascending row. */
function treatedTurnOrder(score: Float64Array, treated: Uint8Array): Int32Array {
  const n = score.length;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (treated[i] === 1) rows.push(i);
  const negated = new Float64Array(n);
  for (let i = 0; i < n; i++) negated[i] = -score[i];
  return sortRowsByScore(Int32Array.from(rows), negated);
}

/** First position k in [start, end) with scores[k] >= s: left of it every candidate has a lower score. */
function lowerBound(scores: Float64Array, start: number, end: number, s: number): number {
  let lo = start, hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (scores[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** runStart[k]: first position of the run of equal scores that position k belongs to (runs never cross strata). */
function equalScoreRuns(scores: Float64Array, stratumStart: Int32Array): Int32Array {
  const runStart = new Int32Array(scores.length);
  for (let s = 0; s + 1 < stratumStart.length; s++) {
    for (let k = stratumStart[s]; k < stratumStart[s + 1]; k++) {
      runStart[k] = k > stratumStart[s] && scores[k] === scores[k - 1] ? runStart[k - 1] : k;
    }
  }
  return runStart;
}

/** Root of x with path halving: the first available position in the link direction. */
function findAvailable(link: Int32Array, x: number): number {
  while (link[x] !== x) {
    link[x] = link[link[x]];
    x = link[x];
  }
  return x;
}

export function nearestMatch(score: Float64Array, treated: Uint8Array, strata: Int32Array, options: NearestOptions): NearestResult {
  const n = score.length;
  const k = options.ratio;
  const caliper = options.caliper ?? Number.POSITIVE_INFINITY;
  const order = options.poolOrder ?? poolScoreOrder(score, treated, strata, strataCount(strata));
  const { scores, stratumStart } = order;
  const m = scores.length;
  const runStart = equalScoreRuns(scores, stratumStart);
  const turns = treatedTurnOrder(score, treated);

  const pairTreated = new Int32Array(turns.length * k);
  const pairControl = new Int32Array(turns.length * k);
  let pairs = 0;
  const take = (i: number, position: number): void => {
    pairTreated[pairs] = i;
    pairControl[pairs] = order.rows[position];
    pairs++;
  };

  if (options.replace) {
    for (const i of turns) {
      const si = score[i];
      const a = stratumStart[strata[i]], b = stratumStart[strata[i] + 1];
      let right = lowerBound(scores, a, b, si);
      // The left side is walked run by run (descending score), each run from its lowest record_id.
      let leftEnd = right - 1;
      let leftNext = leftEnd >= a ? runStart[leftEnd] : a - 1;
      for (let got = 0; got < k; got++) {
        const hasRight = right < b;
        const hasLeft = leftEnd >= a;
        if (!hasRight && !hasLeft) break;
        const dRight = hasRight ? scores[right] - si : Number.POSITIVE_INFINITY;
        const dLeft = hasLeft ? si - scores[leftNext] : Number.POSITIVE_INFINITY;
        if (dRight < dLeft) {
          if (dRight > caliper) break;
          take(i, right++);
        } else {
          if (dLeft > caliper) break;
          take(i, leftNext++);
          if (leftNext > leftEnd) {
            leftEnd = runStart[leftEnd] - 1;
            leftNext = leftEnd >= a ? runStart[leftEnd] : a - 1;
          }
        }
      }
    }
  } else {
    // nextLink over positions 0..m (m = none), prevLink over positions -1..m-1 stored shifted by one.
    const nextLink = new Int32Array(m + 1);
    const prevLink = new Int32Array(m + 1);
    for (let q = 0; q <= m; q++) nextLink[q] = prevLink[q] = q;
    const active = new Uint8Array(turns.length).fill(1);
    for (let round = 0; round < k; round++) {
      turns.forEach((i, t) => {
        if (active[t] === 0) return;
        const si = score[i];
        const a = stratumStart[strata[i]], b = stratumStart[strata[i] + 1];
        const p = lowerBound(scores, a, b, si);
        const right = findAvailable(nextLink, p);
        const leftTop = findAvailable(prevLink, p) - 1;
        // Among available records of the left neighbour's run (equal scores), the lowest record_id.
        const left = leftTop >= a ? findAvailable(nextLink, runStart[leftTop]) : -1;
        const dRight = right < b ? scores[right] - si : Number.POSITIVE_INFINITY;
        const dLeft = left >= 0 ? si - scores[left] : Number.POSITIVE_INFINITY;
        const chosen = dRight < dLeft ? right : left;
        const distance = Math.min(dRight, dLeft);
        // Candidates only move further away as records are taken: no candidate now means none later.
        if (!Number.isFinite(distance) || distance > caliper) {
          active[t] = 0;
          return;
        }
        take(i, chosen);
        nextLink[chosen] = chosen + 1;
        prevLink[chosen + 1] = chosen;
      });
    }
  }

  const got = new Int32Array(n);
  for (let q = 0; q < pairs; q++) got[pairTreated[q]]++;
  const weights = new Float64Array(n);
  const matchedTreated = new Uint8Array(n);
  for (let q = 0; q < pairs; q++) {
    weights[pairControl[q]] += 1 / got[pairTreated[q]];
    matchedTreated[pairTreated[q]] = 1;
  }
  const notMatched = finishTreatedWeights(treated, matchedTreated, weights);
  return { weights, matchedTreated, notMatched, pairTreated: pairTreated.slice(0, pairs), pairControl: pairControl.slice(0, pairs) };
}
