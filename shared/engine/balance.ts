// The matching-quality table of METHOD.md section 4. Groups: A = all treated units of the analysis, P = the whole
// pool (unweighted), T = the matched treated, C = the pool weighted by the comparison weights.
// smdBefore = 100 (mean_A - mean_P) / D, smdAfter = 100 (mean_T - mean_C) / D, D = sqrt((var_A + var_P) / 2),
// var = p(1 - p) for a 0/1 row, the sample variance (n - 1) otherwise.
import type { Bands } from './analysisSpec';
import type { CodedCovariate } from './covariateCoding';
import { MISSING_LEVEL } from './covariateCoding';

export type Band = 'well' | 'reasonably' | 'poorly';

export interface BalanceRow {
  variable: string;
  /** Level of a categorical covariate, `(missing)` for a numeric covariate's missing indicator, null otherwise. */
  level: string | null;
  /** Mean over the matched treated (T). */
  treatedMean: number | null;
  /** Mean over all treated units of the analysis (A), used before matching. */
  allTreatedMean: number;
  /** Unweighted mean over the pool (P). */
  poolMean: number;
  /** Weighted mean over the comparison group (C). */
  comparisonMean: number | null;
  smdBefore: number | null;
  smdAfter: number | null;
  band: Band;
  /** var_T / var_C (weighted) for numeric rows that are not 0/1; null otherwise. */
  varianceRatio: number | null;
}

export interface BalanceGroups {
  treated: Uint8Array;
  matchedTreated: Uint8Array;
  /** Comparison weights of pool rows (treated rows are ignored). */
  weights: Float64Array;
}

/** A row's identity within its analysis: `variable|level` (the level empty for a numeric row and the score). */
export function balanceRowKey(row: Pick<BalanceRow, 'variable' | 'level'>): string {
  return `${row.variable}|${row.level ?? ''}`;
}

/** Band of |smdAfter|; an undefined difference (D = 0 with unequal means) is poorly matched. */
export function balanceBand(smdAfter: number | null, bands: Bands): Band {
  if (smdAfter === null) return 'poorly';
  const d = Math.abs(smdAfter);
  return d < bands.well ? 'well' : d < bands.reasonably ? 'reasonably' : 'poorly';
}

/**
 * 100 x difference / D. Decision (spec silent): when D = 0 both A and P are constant, so an equal difference is 0
 * and an unequal one (e.g. a level only treated units have) has no finite value: null.
 */
function standardisedDifference(difference: number, d: number): number | null {
  if (d > 0) return (100 * difference) / d;
  return difference === 0 ? 0 : null;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

interface Moments {
  allTreatedMean: number;
  poolMean: number;
  treatedMean: number;
  comparisonMean: number;
  d: number;
  varianceRatio: number | null;
}

function makeRow(variable: string, level: string | null, m: Moments, bands: Bands): BalanceRow {
  const smdBefore = standardisedDifference(m.allTreatedMean - m.poolMean, m.d);
  const after = m.treatedMean - m.comparisonMean;
  const smdAfter = Number.isFinite(after) ? standardisedDifference(after, m.d) : null;
  return {
    variable,
    level,
    treatedMean: finiteOrNull(m.treatedMean),
    allTreatedMean: m.allTreatedMean,
    poolMean: m.poolMean,
    comparisonMean: finiteOrNull(m.comparisonMean),
    smdBefore,
    smdAfter,
    band: balanceBand(smdAfter, bands),
    varianceRatio: m.varianceRatio === null ? null : finiteOrNull(m.varianceRatio),
  };
}

/** Moments of a numeric row: two passes (means, then squared deviations) for accuracy. */
function numericMoments(values: Float64Array, g: BalanceGroups, binary: boolean): Moments {
  const { treated, matchedTreated, weights } = g;
  const n = values.length;
  let sumA = 0, nA = 0, sumP = 0, nP = 0, sumT = 0, nT = 0, sumC = 0, v1 = 0, v2 = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (treated[i] === 1) {
      sumA += v;
      nA++;
      if (matchedTreated[i] === 1) {
        sumT += v;
        nT++;
      }
    } else {
      sumP += v;
      nP++;
      const w = weights[i];
      if (w > 0) {
        sumC += w * v;
        v1 += w;
        v2 += w * w;
      }
    }
  }
  const meanA = sumA / nA, meanP = sumP / nP, meanT = sumT / nT, meanC = sumC / v1;
  if (binary) {
    const d = Math.sqrt((meanA * (1 - meanA) + meanP * (1 - meanP)) / 2);
    return { allTreatedMean: meanA, poolMean: meanP, treatedMean: meanT, comparisonMean: meanC, d, varianceRatio: null };
  }
  let ssA = 0, ssP = 0, ssT = 0, ssC = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (treated[i] === 1) {
      ssA += (v - meanA) * (v - meanA);
      if (matchedTreated[i] === 1) ssT += (v - meanT) * (v - meanT);
    } else {
      ssP += (v - meanP) * (v - meanP);
      if (weights[i] > 0) ssC += weights[i] * (v - meanC) * (v - meanC);
    }
  }
  // A group of one has no sample variance: taken as 0 in D (the other group carries it).
  const varA = nA > 1 ? ssA / (nA - 1) : 0;
  const varP = nP > 1 ? ssP / (nP - 1) : 0;
  const varT = ssT / (nT - 1);
  // Weighted variance of METHOD.md section 6: sum w (y - mean)^2 / (V1 - V2 / V1).
  const varC = ssC / (v1 - v2 / v1);
  return { allTreatedMean: meanA, poolMean: meanP, treatedMean: meanT, comparisonMean: meanC, d: Math.sqrt((varA + varP) / 2), varianceRatio: varT / varC };
}

/** One row per level (reference included), from per-level counts: every level is a 0/1 row. */
function categoricalRows(c: Extract<CodedCovariate, { kind: 'categorical' }>, g: BalanceGroups, bands: Bands): BalanceRow[] {
  const { treated, matchedTreated, weights } = g;
  const L = c.levels.length;
  const countA = new Float64Array(L), countP = new Float64Array(L), countT = new Float64Array(L), weightC = new Float64Array(L);
  let nA = 0, nP = 0, nT = 0, v1 = 0;
  for (let i = 0; i < c.codes.length; i++) {
    const k = c.codes[i];
    if (treated[i] === 1) {
      countA[k]++;
      nA++;
      if (matchedTreated[i] === 1) {
        countT[k]++;
        nT++;
      }
    } else {
      countP[k]++;
      nP++;
      if (weights[i] > 0) {
        weightC[k] += weights[i];
        v1 += weights[i];
      }
    }
  }
  return c.levels.map((level, k) => {
    const pA = countA[k] / nA, pP = countP[k] / nP;
    const d = Math.sqrt((pA * (1 - pA) + pP * (1 - pP)) / 2);
    return makeRow(c.variable, level, { allTreatedMean: pA, poolMean: pP, treatedMean: countT[k] / nT, comparisonMean: weightC[k] / v1, d, varianceRatio: null }, bands);
  });
}

/**
 * Rows in covariate order: a categorical covariate's levels in coded order (byte order, `(missing)` last); a numeric
 * covariate's filled values, then its `(missing)` indicator row if it has missing values; finally the `score` row.
 */
export function balanceTable(coded: readonly CodedCovariate[], score: Float64Array, groups: BalanceGroups, bands: Bands): BalanceRow[] {
  const rows: BalanceRow[] = [];
  for (const c of coded) {
    if (c.kind === 'categorical') {
      rows.push(...categoricalRows(c, groups, bands));
      continue;
    }
    rows.push(makeRow(c.variable, null, numericMoments(c.values, groups, c.binary), bands));
    if (c.missing) rows.push(makeRow(c.variable, MISSING_LEVEL, numericMoments(Float64Array.from(c.missing), groups, true), bands));
  }
  rows.push(makeRow('score', null, numericMoments(score, groups, false), bands));
  return rows;
}
