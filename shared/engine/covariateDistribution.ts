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

/** One group's running total as the sorted rows are swept. */
interface Running {
  sumA: number;
  sumP: number;
  sumT: number;
  sumC: number;
}

/** Adds row i to the group totals it belongs to. */
function count(r: Running, i: number, { treated, matchedTreated, weights }: BalanceGroups): void {
  if (treated[i] === 1) {
    r.sumA++;
    if (matchedTreated[i] === 1) r.sumT++;
  } else {
    r.sumP++;
    if (weights[i] > 0) r.sumC += weights[i];
  }
}

export function numericDistribution(variable: string, values: Float64Array, missing: Uint8Array | null, groups: BalanceGroups): NumericDistribution {
  const observed: number[] = [];
  for (let i = 0; i < values.length; i++) if (!missing || missing[i] === 0) observed.push(i);
  const rows = sortRowsByScore(Int32Array.from(observed), values);
  const total: Running = { sumA: 0, sumP: 0, sumT: 0, sumC: 0 };
  let distinct = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (k === 0 || values[i] !== values[rows[k - 1]]) distinct++;
    count(total, i, groups);
  }
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const out: NumericDistribution = { variable, x: [], allTreated: [], pool: [], treated: [], comparison: [], ksAfter: null };
  const seen: Running = { sumA: 0, sumP: 0, sumT: 0, sumC: 0 };
  const everyValue = distinct <= MAX_DISTRIBUTION_POINTS;
  let nextQuantile = 1;
  let ks = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    count(seen, i, groups);
    // The CDFs step at the last row of a run of equal values.
    if (k + 1 < rows.length && values[rows[k + 1]] === values[i]) continue;
    const fT = share(seen.sumT, total.sumT), fC = share(seen.sumC, total.sumC);
    ks = Math.max(ks, Math.abs(fT - fC));
    const reached = (k + 1) / rows.length;
    if (!everyValue && reached < nextQuantile / MAX_DISTRIBUTION_POINTS && k + 1 < rows.length) continue;
    while (nextQuantile / MAX_DISTRIBUTION_POINTS <= reached) nextQuantile++;
    out.x.push(values[i]);
    out.allTreated.push(share(seen.sumA, total.sumA));
    out.pool.push(share(seen.sumP, total.sumP));
    out.treated.push(fT);
    out.comparison.push(fC);
  }
  out.ksAfter = total.sumT > 0 && total.sumC > 0 ? ks : null;
  return out;
}
