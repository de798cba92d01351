// Nearest-neighbour k:1 matching (METHOD.md section 3.2) within strata, as MatchIt 4.5.4's nn_matchC_vec.
// Options: ratio k >= 1; replace (a pool record may serve several treated units); caliper c (optional, logit units:
// a candidate further than c is never taken).
// Rules: treated units take their turn highest score first, ties by record_id (MatchIt's m.order = "largest").
// Every unit of a stratum sits in one order by (score, record_id); a treated unit's candidates are the nearest
// available control to its left and the nearest to its right in that order (MatchIt's find_left / find_right), and
// the nearer by |score difference| wins, the left one on equal distance. So of equal-score controls on one side the
// one next to the treated unit wins: on the left the greater record_id, on the right the smaller. Without
// replacement and k > 1, matching goes in rounds: in each round every treated unit, in turn, takes one more
// control. Weights: w_j = sum over the treated units i that took j of 1/k_i, k_i being the number of controls i
// got; a treated unit with none is not matched.
// Rows are in record_id byte order, so "record_id order" is "row order". Cost O(n log n): a treated unit's place
// in the sorted pool is found by binary search; taken records are skipped by path-compressed "next available"
// links.
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

/**
 * The treated row i's place among the pool positions [start, end) sorted by (score, row): the first position whose
 * (score, row) comes after (s, i). Left of it lie the controls before i in MatchIt's order, equal scores included.
 */
function splitPoint(scores: Float64Array, rows: Int32Array, start: number, end: number, s: number, i: number): number {
  let lo = start, hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (scores[mid] < s || (scores[mid] === s && rows[mid] < i)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
    // Nothing is ever taken away, so the rounds reduce to walking outwards from the split point.
    for (const i of turns) {
      const si = score[i];
      const a = stratumStart[strata[i]], b = stratumStart[strata[i] + 1];
      let right = splitPoint(scores, order.rows, a, b, si, i);
      let left = right - 1;
      for (let got = 0; got < k; got++) {
        const dRight = right < b ? scores[right] - si : Number.POSITIVE_INFINITY;
        const dLeft = left >= a ? si - scores[left] : Number.POSITIVE_INFINITY;
        if (Math.min(dLeft, dRight) > caliper || !Number.isFinite(Math.min(dLeft, dRight))) break;
        if (dLeft <= dRight) take(i, left--);
        else take(i, right++);
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
        const p = splitPoint(scores, order.rows, a, b, si, i);
        const right = findAvailable(nextLink, p);
        const left = findAvailable(prevLink, p) - 1;
        const dRight = right < b ? scores[right] - si : Number.POSITIVE_INFINITY;
        const dLeft = left >= a ? si - scores[left] : Number.POSITIVE_INFINITY;
        const chosen = dLeft <= dRight ? left : right;
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
  return { weights, matchedTreated, notMatched, setTotal: Float64Array.from(got), pairTreated: pairTreated.slice(0, pairs), pairControl: pairControl.slice(0, pairs) };
}
