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

/** Stable permutation of `rows` by ascending score (IEEE bits made order-preserving, -0 taken as +0). */
export function sortRowsByScore(rows: Int32Array, score: Float64Array): Int32Array {
  const m = rows.length;
  // The keys travel with the rows (lo, hi words and row), so each pass reads them in order rather than gathering
  // them through the permutation; the four digits' counts come from one read of the keys.
  let lo = new Uint32Array(m), hi = new Uint32Array(m), row = new Int32Array(m);
  const counts = new Int32Array(4 * BUCKETS);
  const asDouble = new Float64Array(1);
  const asWords = new Uint32Array(asDouble.buffer);
  for (let k = 0; k < m; k++) {
    asDouble[0] = score[rows[k]] + 0;
    let h = asWords[HI];
    let l = asWords[LO];
    // Negative numbers: flip every bit; positive: flip the sign bit. Unsigned order is then numeric order.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h ^ 0x80000000) >>> 0;
    lo[k] = l;
    hi[k] = h;
    row[k] = rows[k];
    counts[l & (BUCKETS - 1)]++;
    counts[BUCKETS + (l >>> DIGIT_BITS)]++;
    counts[2 * BUCKETS + (h & (BUCKETS - 1))]++;
    counts[3 * BUCKETS + (h >>> DIGIT_BITS)]++;
  }
  let nextLo = new Uint32Array(m), nextHi = new Uint32Array(m), nextRow = new Int32Array(m);
  for (let pass = 0; pass < 4; pass++) {
    const at = pass * BUCKETS;
    const shift = (pass & 1) * DIGIT_BITS;
    // A digit every key shares leaves the order as it is: the pass is skipped (the sort is stable).
    let sum = 0, shared = false;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[at + b];
      if (c === m) shared = true;
      counts[at + b] = sum;
      sum += c;
    }
    if (shared) continue;
    const digits = pass < 2 ? lo : hi;
    for (let k = 0; k < m; k++) {
      const to = at + ((digits[k] >>> shift) & (BUCKETS - 1));
      const q = counts[to]++;
      nextLo[q] = lo[k];
      nextHi[q] = hi[k];
      nextRow[q] = row[k];
    }
    [lo, nextLo] = [nextLo, lo];
    [hi, nextHi] = [nextHi, hi];
    [row, nextRow] = [nextRow, row];
  }
  return row;
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
