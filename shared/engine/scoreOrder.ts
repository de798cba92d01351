// Pool records ordered by (stratum, score, row) in O(n): a stable LSD radix sort on the bits of the score,
// then a stable counting sort by stratum. Rows are in record_id byte order, so "then row" is "then record_id",
// the candidate order of METHOD.md section 3.

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;

export interface ScoreOrder {
  /** Pool rows sorted by (stratum, score, row). */
  rows: Int32Array;
  /** Their scores, in that order. */
  scores: Float64Array;
  /** Positions in rows of stratum s are stratumStart[s] .. stratumStart[s + 1] - 1. */
  stratumStart: Int32Array;
}

// Each pass over the rows is a function of its own: V8 optimises a function during its first call's first loop, and
// a later loop never run by then would leave that code, on every later call too, where the loop starts (balance.ts).

/** Per row, its score's IEEE bits made order-preserving (-0 taken as +0): [lo, hi] words, so that unsigned order is numeric order. */
function scoreKeys(rows: Int32Array, score: Float64Array): Uint32Array {
  const m = rows.length;
  const keyBits = new Uint32Array(2 * m);
  const asDouble = new Float64Array(1);
  const asWords = new Uint32Array(asDouble.buffer);
  for (let k = 0; k < m; k++) {
    asDouble[0] = score[rows[k]] + 0;
    let hi = asWords[HI];
    let lo = asWords[LO];
    // Negative numbers: flip every bit; positive: flip the sign bit.
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi ^ 0x80000000) >>> 0;
    keyBits[2 * k] = lo;
    keyBits[2 * k + 1] = hi;
  }
  return keyBits;
}

/** counts[b]: the first position of digit b in the pass's output (counts of smaller digits). */
function digitStarts(keyBits: Uint32Array, word: number, shift: number, counts: Int32Array): void {
  counts.fill(0);
  for (let k = 0; k < keyBits.length; k += 2) counts[(keyBits[k + word] >>> shift) & (BUCKETS - 1)]++;
  let sum = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const c = counts[b];
    counts[b] = sum;
    sum += c;
  }
}

/** One stable pass: `order` into `next` by the digit, from the starts of digitStarts. */
function scatterByDigit(keyBits: Uint32Array, word: number, shift: number, counts: Int32Array, order: Int32Array, next: Int32Array): void {
  for (let k = 0; k < order.length; k++) {
    const o = order[k];
    next[counts[(keyBits[2 * o + word] >>> shift) & (BUCKETS - 1)]++] = o;
  }
}

/** Stable permutation of `rows` by ascending score (IEEE bits made order-preserving, -0 taken as +0). */
export function sortRowsByScore(rows: Int32Array, score: Float64Array): Int32Array {
  const m = rows.length;
  const keyBits = scoreKeys(rows, score);
  let order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  let next = new Int32Array(m);
  const counts = new Int32Array(BUCKETS);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * DIGIT_BITS;
    digitStarts(keyBits, word, shift, counts);
    scatterByDigit(keyBits, word, shift, counts, order, next);
    [order, next] = [next, order];
  }
  return gather(rows, order);
}

/** rows[order[k]] for each k. */
function gather(rows: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = rows[order[k]];
  return out;
}

/** Every row, sorted by (score, row). */
export function rowsByScore(score: Float64Array): Int32Array {
  const rows = new Int32Array(score.length);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  return sortRowsByScore(rows, score);
}

/**
 * Rows where treated = 0, grouped by stratum (0 .. nStrata - 1) and sorted by score within each. `byScore`: every
 * row in (score, row) order when the caller has it (rowsByScore); the pool's rows keep that order.
 */
export function poolScoreOrder(score: Float64Array, treated: Uint8Array, strata: Int32Array, nStrata: number, byScore?: Int32Array): ScoreOrder {
  const n = score.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (treated[i] === 0) m++;
  let poolByScore: Int32Array;
  if (byScore) {
    poolByScore = new Int32Array(m);
    for (let q = 0, k = 0; q < n; q++) if (treated[byScore[q]] === 0) poolByScore[k++] = byScore[q];
  } else {
    const pool = new Int32Array(m);
    for (let i = 0, k = 0; i < n; i++) if (treated[i] === 0) pool[k++] = i;
    poolByScore = sortRowsByScore(pool, score);
  }
  const stratumStart = new Int32Array(nStrata + 1);
  for (let k = 0; k < m; k++) stratumStart[strata[poolByScore[k]] + 1]++;
  for (let s = 0; s < nStrata; s++) stratumStart[s + 1] += stratumStart[s];
  const fill = stratumStart.slice(0, nStrata);
  const rows = new Int32Array(m);
  for (let k = 0; k < m; k++) rows[fill[strata[poolByScore[k]]]++] = poolByScore[k];
  const scores = new Float64Array(m);
  for (let k = 0; k < m; k++) scores[k] = score[rows[k]];
  return { rows, scores, stratumStart };
}

/** Number of strata: one more than the largest code. */
export function strataCount(strata: Int32Array): number {
  let max = -1;
  for (let i = 0; i < strata.length; i++) if (strata[i] > max) max = strata[i];
  return max + 1;
}

/**
 * First position k in [start, end) of ascending `scores` with s - scores[k] <= c. The test is written as the
 * distance itself (not scores[k] >= s - c) so that the window agrees exactly with |s_i - s_j| <= c; it is
 * monotone in scores[k] because rounded subtraction is.
 */
export function firstWithin(scores: Float64Array, start: number, end: number, s: number, c: number): number {
  let lo = start, hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s - scores[mid] <= c) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First position k in [start, end) of ascending `scores` with scores[k] - s > c. */
export function firstBeyond(scores: Float64Array, start: number, end: number, s: number, c: number): number {
  let lo = start, hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (scores[mid] - s > c) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
