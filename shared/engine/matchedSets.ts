// Who was matched to whom, read back from a stored run without matching again (METHOD.md section 3). A treated
// record's matched set C(i) is, for radius and kernel, every pool record of its stratum with |s_i - s_j| <= c (a
// window of the score-sorted pool), and for nearest neighbour the pairs the matching made (stored, since they depend
// on the order of turns). The pair (i, j) adds K_ij / setTotal[i] to w_j, K_ij = 1 for radius and nearest and the
// Epanechnikov kernel of (s_j - s_i) / c for kernel; so a comparison record's pair weights sum to its weight.
// Also: each unmatched treated record with why, and MatchIt's `subclass` (set) numbering for nearest neighbour.
import { compareByteOrder } from './byteOrder';
import { epanechnikov } from './kernelMatch';
import { firstBeyond, firstWithin, poolScoreOrder, strataCount, type ScoreOrder } from './scoreOrder';

export type MatchMethod = 'radius' | 'nearest' | 'kernel';

/** What a run stores per analysis (db/runs/runStore.ts), rows in record_id byte order. */
export interface StoredMatch {
  recordIds: string[];
  treated: Uint8Array;
  /** Logit of the propensity score. */
  score: Float64Array;
  /** Treated: 1 matched, 0 not; pool: comparison weight. */
  weight: Float64Array;
  strata: Int32Array;
  /** See MatchResult.setTotal. */
  setTotal: Float64Array;
  /** Nearest neighbour only: the pairs made, pairTreated[k] took pairControl[k]. */
  pairs: { treated: Int32Array; control: Int32Array } | null;
  /** The pool rows sorted by (stratum, score, row), as the matching ordered them (kept so no view sorts 300k rows). */
  poolOrder: Int32Array;
  /** Treated records an equality pool filter left out of the analysis. */
  outsideFilterIds: string[];
}

export interface MatchFacts {
  method: MatchMethod;
  /** Caliper (bandwidth for kernel) in logit units; null for nearest neighbour without one. */
  caliper: number | null;
  /** Nearest neighbour with replacement: a comparison record may serve several treated. */
  replace: boolean;
}

export interface SetMember {
  row: number;
  /** |s_i - s_j| on the logit score. */
  distance: number;
  /** What this pair adds to the comparison record's weight. */
  pairWeight: number;
}

export type UnmatchedReason = 'no_pool_in_caliper' | 'taken' | 'empty_stratum' | 'outside_filter';

export interface UnmatchedTreated {
  recordId: string;
  /** Null for a record outside the pool filter (it was never scored in this analysis). */
  row: number | null;
  reason: UnmatchedReason;
  /** Distance on the logit score to the nearest pool record of its stratum; null when there is none. */
  nearestDistance: number | null;
}

/** Rows grouped by (stratum, score, row) and CSR lists of pairs, built once per stored analysis. */
export interface MatchedSetIndex {
  stored: StoredMatch;
  facts: MatchFacts;
  pool: ScoreOrder;
  /** The treated rows in the same (stratum, score, row) order. */
  treatedOrder: ScoreOrder;
  /** Nearest neighbour: pairs by treated row and by control row (CSR: start offsets, then the other rows). */
  byTreated: { start: Int32Array; rows: Int32Array } | null;
  byControl: { start: Int32Array; rows: Int32Array } | null;
  /** MatchIt's subclass: matched treated rows numbered 1.. in record_id order; 0 for rows in no set. */
  setNumber: Int32Array;
}

/** CSR adjacency from row `from[k]` to row `to[k]`, neighbours in ascending row order. */
function adjacency(n: number, from: Int32Array, to: Int32Array): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < from.length; k++) start[from[k] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const rows = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) rows[fill[from[k]]++] = to[k];
  for (let i = 0; i < n; i++) rows.subarray(start[i], start[i + 1]).sort();
  return { start, rows };
}

/** The stored pool order with its scores and stratum boundaries. */
function storedPoolOrder(stored: StoredMatch, nStrata: number): ScoreOrder {
  const rows = stored.poolOrder;
  const stratumStart = new Int32Array(nStrata + 1);
  for (let k = 0; k < rows.length; k++) stratumStart[stored.strata[rows[k]] + 1]++;
  for (let s = 0; s < nStrata; s++) stratumStart[s + 1] += stratumStart[s];
  const scores = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) scores[k] = stored.score[rows[k]];
  return { rows, scores, stratumStart };
}

/** The row of a record id (rows are in record_id byte order), or undefined. */
export function rowOfRecord(index: MatchedSetIndex, recordId: string): number | undefined {
  const ids = index.stored.recordIds;
  let lo = 0, hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareByteOrder(ids[mid], recordId) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo] === recordId ? lo : undefined;
}

export function buildMatchedSetIndex(stored: StoredMatch, facts: MatchFacts): MatchedSetIndex {
  const n = stored.recordIds.length;
  const nStrata = strataCount(stored.strata);
  const pool = storedPoolOrder(stored, nStrata);
  const pooled = new Uint8Array(n);
  for (let i = 0; i < n; i++) pooled[i] = 1 - stored.treated[i];
  const treatedOrder = poolScoreOrder(stored.score, pooled, stored.strata, nStrata);
  const byTreated = stored.pairs ? adjacency(n, stored.pairs.treated, stored.pairs.control) : null;
  const byControl = stored.pairs ? adjacency(n, stored.pairs.control, stored.pairs.treated) : null;
  return { stored, facts, pool, treatedOrder, byTreated, byControl, setNumber: setNumbers(stored, facts.replace) };
}

/** What set numbers are read from. */
export type SetRecords = Pick<StoredMatch, 'recordIds' | 'treated' | 'weight' | 'pairs'>;

/** MatchIt's subclass of each row: matched treated rows numbered 1.. in record_id order, 0 for rows in no set. */
export function setNumbers(stored: SetRecords, replace: boolean): Int32Array {
  const setNumber = new Int32Array(stored.recordIds.length);
  let next = 1;
  for (let i = 0; i < setNumber.length; i++) if (stored.treated[i] === 1 && stored.weight[i] > 0) setNumber[i] = next++;
  // Without replacement a control serves exactly one treated record: it takes that record's set (MatchIt's subclass).
  if (stored.pairs && !replace) for (let k = 0; k < stored.pairs.control.length; k++) setNumber[stored.pairs.control[k]] = setNumber[stored.pairs.treated[k]];
  return setNumber;
}

/** K_ij / setTotal[i]: what the pair adds to w_j. */
function pairWeight(index: MatchedSetIndex, i: number, j: number): number {
  const { score, setTotal } = index.stored;
  if (setTotal[i] === 0) return 0;
  const k = index.facts.method === 'kernel' ? epanechnikov((score[j] - score[i]) / index.facts.caliper!) : 1;
  return k / setTotal[i];
}

/**
 * Rows of `order` in stratum s within the caliper of score x, closest first (ties: the lower score, then the lower
 * row), walking outward from x's place: O(limit + log n). Kernel pairs of zero weight (at exactly c) are left out.
 */
function windowByDistance(index: MatchedSetIndex, order: ScoreOrder, s: number, x: number, limit: number, pairOf: (row: number) => [number, number]): { total: number; members: SetMember[] } {
  const c = index.facts.caliper!;
  const a = order.stratumStart[s], b = order.stratumStart[s + 1];
  let lo = firstWithin(order.scores, a, b, x, c);
  let hi = firstBeyond(order.scores, lo, b, x, c);
  if (index.facts.method === 'kernel') {
    while (lo < hi && x - order.scores[lo] >= c) lo++;
    while (hi > lo && order.scores[hi - 1] - x >= c) hi--;
  }
  // First position of the window at or above x: members below it are walked leftwards, the others rightwards.
  let right = lo, top = hi;
  while (right < top) {
    const mid = (right + top) >>> 1;
    if (order.scores[mid] < x) right = mid + 1;
    else top = mid;
  }
  let left = right - 1;
  const members: SetMember[] = [];
  while (members.length < limit && (left >= lo || right < hi)) {
    const dl = left >= lo ? x - order.scores[left] : Infinity;
    const dr = right < hi ? order.scores[right] - x : Infinity;
    const row = dl <= dr ? order.rows[left--] : order.rows[right++];
    const [i, j] = pairOf(row);
    members.push({ row, distance: Math.abs(index.stored.score[i] - index.stored.score[j]), pairWeight: pairWeight(index, i, j) });
  }
  return { total: hi - lo, members };
}

function byDistance(a: SetMember, b: SetMember): number {
  return a.distance - b.distance || a.row - b.row;
}

/** The comparison records of treated row i, closest first, at most `limit` of them, and how many there are. */
export function comparisonSet(index: MatchedSetIndex, i: number, limit: number): { total: number; members: SetMember[] } {
  const { stored } = index;
  if (stored.treated[i] !== 1) throw new RangeError(`row ${i} is not a treated record`);
  if (stored.weight[i] === 0) return { total: 0, members: [] };
  if (index.byTreated) {
    const { start, rows } = index.byTreated;
    const members = Array.from(rows.subarray(start[i], start[i + 1]), (j) => ({ row: j, distance: Math.abs(stored.score[i] - stored.score[j]), pairWeight: pairWeight(index, i, j) }));
    members.sort(byDistance);
    return { total: members.length, members: members.slice(0, limit) };
  }
  return windowByDistance(index, index.pool, stored.strata[i], stored.score[i], limit, (j) => [i, j]);
}

/** The treated records comparison row j serves, closest first, at most `limit` of them, and how many there are. */
export function treatedServed(index: MatchedSetIndex, j: number, limit: number): { total: number; members: SetMember[] } {
  const { stored } = index;
  if (stored.treated[j] !== 0) throw new RangeError(`row ${j} is not a pool record`);
  if (index.byControl) {
    const { start, rows } = index.byControl;
    const members = Array.from(rows.subarray(start[j], start[j + 1]), (i) => ({ row: i, distance: Math.abs(stored.score[i] - stored.score[j]), pairWeight: pairWeight(index, i, j) }));
    members.sort(byDistance);
    return { total: members.length, members: members.slice(0, limit) };
  }
  if (stored.weight[j] === 0) return { total: 0, members: [] };
  return windowByDistance(index, index.treatedOrder, stored.strata[j], stored.score[j], limit, (i) => [i, j]);
}

/** Distance to the nearest pool record of row i's stratum; null when the stratum has none. */
export function nearestPoolDistance(index: MatchedSetIndex, i: number): number | null {
  const { pool, stored } = index;
  const s = stored.strata[i];
  const a = pool.stratumStart[s], b = pool.stratumStart[s + 1];
  if (a === b) return null;
  const x = stored.score[i];
  let lo = a, hi = b;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pool.scores[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  const right = lo < b ? pool.scores[lo] - x : Infinity;
  const left = lo > a ? x - pool.scores[lo - 1] : Infinity;
  return Math.min(left, right);
}

/**
 * Every treated record left without a match, and why: its stratum has no pool record; none is within the caliper
 * (for kernel: strictly inside the bandwidth); or, for nearest neighbour without replacement, the ones within it were
 * taken by treated records whose turn came first. Then the records outside the pool filter. In record_id order.
 */
export function unmatchedTreated(index: MatchedSetIndex): UnmatchedTreated[] {
  const { stored, facts } = index;
  const out: UnmatchedTreated[] = [];
  for (let i = 0; i < stored.recordIds.length; i++) {
    if (stored.treated[i] !== 1 || stored.weight[i] > 0) continue;
    const nearest = nearestPoolDistance(index, i);
    let reason: UnmatchedReason;
    if (nearest === null) reason = 'empty_stratum';
    else if (facts.caliper === null || (facts.method !== 'kernel' ? nearest <= facts.caliper : nearest < facts.caliper)) reason = 'taken';
    else reason = 'no_pool_in_caliper';
    out.push({ recordId: stored.recordIds[i], row: i, reason, nearestDistance: nearest });
  }
  for (const recordId of stored.outsideFilterIds) out.push({ recordId, row: null, reason: 'outside_filter', nearestDistance: null });
  return out;
}

/** Every pair of the analysis, treated rows in record_id order and each one's set closest first; for the pairs export. */
export function* allPairs(index: MatchedSetIndex): Generator<{ treated: number; member: SetMember }> {
  const { stored } = index;
  for (let i = 0; i < stored.recordIds.length; i++) {
    if (stored.treated[i] !== 1 || stored.weight[i] === 0) continue;
    for (const member of comparisonSet(index, i, Number.MAX_SAFE_INTEGER).members) yield { treated: i, member };
  }
}
