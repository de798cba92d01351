// A numeric covariate's distribution in the four groups of METHOD.md section 4 (A all treated, P the pool, T the
// matched treated, C the pool weighted by the comparison weights) as empirical CDFs on one grid, and the weighted
// Kolmogorov-Smirnov statistic after matching, KS = max over x of |F_T(x) - F_C(x)| (cobalt's `ks.threshold` measure),
// F_C(x) = sum of w_j over j in C with x_j <= x, divided by sum of w_j. Rows with a missing value are left out: the
// covariate's `(missing)` row of the balance table carries them. Computed once per run, so the screen only reads it.
import type { BalanceGroups } from './balance';
import { sortRowsByScore } from './scoreOrder';

/** Most grid points kept per covariate: every distinct value up to this many, else this many pooled quantiles. */
export const MAX_DISTRIBUTION_POINTS = 100;

export interface NumericDistribution {
  variable: string;
  /** Grid of values, ascending; each group's CDF is given at these points. */
  x: number[];
  /** F(x) = share of the group at or below x; weighted for the comparison group. */
  allTreated: number[];
  pool: number[];
  treated: number[];
  comparison: number[];
  /** Weighted KS statistic between the matched treated and the comparison group (0..1); null when either is empty. */
  ksAfter: number | null;
}

/** Widest span of whole values summed by direct slots; a column with a wider span or fractions sorts its rows. */
const SLOT_LIMIT = 4096;

/** Per distinct value (ascending) the group totals at that value: A and P counts, T count, C weight. */
interface ValueTotals {
  values: Float64Array;
  a: Float64Array;
  p: Float64Array;
  t: Float64Array;
  c: Float64Array;
}

function emptyTotals(k: number): ValueTotals {
  return { values: new Float64Array(k), a: new Float64Array(k), p: new Float64Array(k), t: new Float64Array(k), c: new Float64Array(k) };
}

/** Adds row i to slot k of the totals. */
function addRow(out: ValueTotals, k: number, i: number, { treated, matchedTreated, weights }: BalanceGroups): void {
  if (treated[i] === 1) {
    out.a[k]++;
    if (matchedTreated[i] === 1) out.t[k]++;
  } else {
    out.p[k]++;
    if (weights[i] > 0) out.c[k] += weights[i];
  }
}

/** The totals' slots that some row reached (a present value), in slot order. */
function presentSlots(raw: ValueTotals, present: Uint8Array): ValueTotals {
  let n = 0;
  for (let k = 0; k < present.length; k++) n += present[k];
  const out = emptyTotals(n);
  for (let k = 0, j = 0; k < present.length; k++) {
    if (present[k] === 0) continue;
    out.values[j] = raw.values[k];
    out.a[j] = raw.a[k];
    out.p[j] = raw.p[k];
    out.t[j] = raw.t[k];
    out.c[j] = raw.c[k];
    j++;
  }
  return out;
}

/** Least and greatest present value when every present value is whole and they span less than SLOT_LIMIT; else null. */
function wholeSpan(values: Float64Array, missing: Uint8Array | null): { min: number; max: number } | null {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (missing !== null && missing[i] === 1) continue;
    const v = values[i];
    if (v !== Math.floor(v)) return null;
    if (v < min) min = v;
    if (v > max) max = v;
    if (max - min >= SLOT_LIMIT) return null;
  }
  return { min, max };
}

/** Adds each present row to slot (value - min), in row order; present[k] = 1 for a slot some row reached. */
function addBySlot(values: Float64Array, missing: Uint8Array | null, min: number, groups: BalanceGroups, raw: ValueTotals, present: Uint8Array): void {
  const { treated, matchedTreated, weights } = groups;
  const { a, p, t, c } = raw;
  for (let i = 0; i < values.length; i++) {
    if (missing !== null && missing[i] === 1) continue;
    const k = (values[i] - min) | 0;
    present[k] = 1;
    if (treated[i] === 1) {
      a[k]++;
      if (matchedTreated[i] === 1) t[k]++;
    } else {
      p[k]++;
      if (weights[i] > 0) c[k] += weights[i];
    }
  }
}

/**
 * Whole values within a span of SLOT_LIMIT (ages, counts, 0/1/2 items): value v's totals in slot v - min, rows added
 * in row order. Null for fractions or a wider span. Its two passes are functions of their own (see scoreOrder.ts).
 */
function totalsBySlot(values: Float64Array, missing: Uint8Array | null, groups: BalanceGroups): ValueTotals | null {
  const span = wholeSpan(values, missing);
  if (span === null) return null;
  const { min, max } = span;
  const slots = max >= min ? max - min + 1 : 0;
  const raw = emptyTotals(slots);
  const present = new Uint8Array(slots);
  for (let k = 0; k < slots; k++) raw.values[k] = min + k;
  addBySlot(values, missing, min, groups, raw, present);
  return presentSlots(raw, present);
}

/** The observed rows sorted by value (radix), runs of equal values summed in row order. */
function totalsBySort(values: Float64Array, sorted: Int32Array, groups: BalanceGroups): ValueTotals {
  const out = emptyTotals(sorted.length);
  let k = -1;
  for (let q = 0; q < sorted.length; q++) {
    const i = sorted[q];
    if (k < 0 || values[i] !== out.values[k]) out.values[++k] = values[i] + 0;
    addRow(out, k, i, groups);
  }
  const n = k + 1;
  return { values: out.values.subarray(0, n), a: out.a.subarray(0, n), p: out.p.subarray(0, n), t: out.t.subarray(0, n), c: out.c.subarray(0, n) };
}

function observedRows(n: number, missing: Uint8Array | null): Int32Array {
  let count = 0;
  for (let i = 0; i < n; i++) if (missing === null || missing[i] === 0) count++;
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (missing === null || missing[i] === 0) rows[k++] = i;
  return rows;
}

const sum = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0);

/**
 * `sorted`: the observed rows already in (value, row) order, when the caller has them (the score's rows, sorted once
 * for the pool order too).
 */
export function numericDistribution(variable: string, values: Float64Array, missing: Uint8Array | null, groups: BalanceGroups,
  sorted?: Int32Array): NumericDistribution {
  const totals = sorted ? totalsBySort(values, sorted, groups)
    : totalsBySlot(values, missing, groups) ?? totalsBySort(values, sortRowsByScore(observedRows(values.length, missing), values), groups);
  const n = totals.values.length;
  const whole = { a: sum(totals.a), p: sum(totals.p), t: sum(totals.t), c: sum(totals.c) };
  const rows = whole.a + whole.p;
  const share = (part: number, of: number) => (of > 0 ? part / of : 0);
  const out: NumericDistribution = { variable, x: [], allTreated: [], pool: [], treated: [], comparison: [], ksAfter: null };
  const seen = { a: 0, p: 0, t: 0, c: 0 };
  const everyValue = n <= MAX_DISTRIBUTION_POINTS;
  let nextQuantile = 1;
  let ks = 0;
  for (let k = 0; k < n; k++) {
    seen.a += totals.a[k];
    seen.p += totals.p[k];
    seen.t += totals.t[k];
    seen.c += totals.c[k];
    const fT = share(seen.t, whole.t), fC = share(seen.c, whole.c);
    ks = Math.max(ks, Math.abs(fT - fC));
    const reached = (seen.a + seen.p) / rows;
    if (!everyValue && reached < nextQuantile / MAX_DISTRIBUTION_POINTS && k + 1 < n) continue;
    while (nextQuantile / MAX_DISTRIBUTION_POINTS <= reached) nextQuantile++;
    out.x.push(totals.values[k]);
    out.allTreated.push(share(seen.a, whole.a));
    out.pool.push(share(seen.p, whole.p));
    out.treated.push(fT);
    out.comparison.push(fC);
  }
  out.ksAfter = whole.t > 0 && whole.c > 0 ? ks : null;
  return out;
}
