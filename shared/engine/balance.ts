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

/** A balance row's figures before matching: they depend on the covariates and the treated, not on the matching. */
interface RowBasis {
  variable: string;
  level: string | null;
  allTreatedMean: number;
  poolMean: number;
  /** D = sqrt((var_A + var_P) / 2). */
  d: number;
}

interface NumericBasis extends RowBasis {
  kind: 'numeric';
  values: Float64Array;
  /** A 0/1 row: variance p(1 - p), no variance ratio. */
  binary: boolean;
}

interface CategoricalBasis {
  kind: 'categorical';
  codes: Int32Array;
  /** One row per level, in coded order. */
  levels: RowBasis[];
}

/**
 * The part of the balance table that every matching of one score shares (groups A and P, and D), computed once;
 * balanceAfter adds a matching's groups T and C. A robustness check matches one score many ways.
 */
export interface BalanceBasis {
  treated: Uint8Array;
  items: (NumericBasis | CategoricalBasis)[];
}

// Each pass over the rows is a function of its own: V8 optimises a function while its first call is still in its
// first loop, and a later loop of the same function, never run by then, would leave that optimised code (for every
// later call) at the point where that loop starts, finishing each call unoptimised.

/** Sums of the values of A (treated === 1) and P (the other rows), and the groups' sizes. */
function sumsByGroup(values: Float64Array, treated: Uint8Array): { sumA: number; nA: number; sumP: number; nP: number } {
  let sumA = 0, nA = 0, sumP = 0, nP = 0;
  for (let i = 0; i < values.length; i++) {
    if (treated[i] === 1) {
      sumA += values[i];
      nA++;
    } else {
      sumP += values[i];
      nP++;
    }
  }
  return { sumA, nA, sumP, nP };
}

/** Sums of squared deviations from meanA over A and from meanP over P. */
function squaresByGroup(values: Float64Array, treated: Uint8Array, meanA: number, meanP: number): { ssA: number; ssP: number } {
  let ssA = 0, ssP = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (treated[i] === 1) ssA += (v - meanA) * (v - meanA);
    else ssP += (v - meanP) * (v - meanP);
  }
  return { ssA, ssP };
}

/** Means of A and P and D of a numeric row: two passes (means, then squared deviations) for accuracy. */
function numericBasis(variable: string, level: string | null, values: Float64Array, treated: Uint8Array, binary: boolean): NumericBasis {
  const { sumA, nA, sumP, nP } = sumsByGroup(values, treated);
  const meanA = sumA / nA, meanP = sumP / nP;
  const row = { kind: 'numeric' as const, variable, level, values, binary, allTreatedMean: meanA, poolMean: meanP };
  if (binary) return { ...row, d: Math.sqrt((meanA * (1 - meanA) + meanP * (1 - meanP)) / 2) };
  const { ssA, ssP } = squaresByGroup(values, treated, meanA, meanP);
  // A group of one has no sample variance: taken as 0 in D (the other group carries it).
  const varA = nA > 1 ? ssA / (nA - 1) : 0;
  const varP = nP > 1 ? ssP / (nP - 1) : 0;
  return { ...row, d: Math.sqrt((varA + varP) / 2) };
}

/** Every level is a 0/1 row, from per-level counts. */
function categoricalBasis(c: Extract<CodedCovariate, { kind: 'categorical' }>, treated: Uint8Array): CategoricalBasis {
  const L = c.levels.length;
  const countA = new Float64Array(L), countP = new Float64Array(L);
  let nA = 0, nP = 0;
  for (let i = 0; i < c.codes.length; i++) {
    if (treated[i] === 1) {
      countA[c.codes[i]]++;
      nA++;
    } else {
      countP[c.codes[i]]++;
      nP++;
    }
  }
  return {
    kind: 'categorical',
    codes: c.codes,
    levels: c.levels.map((level, k) => {
      const pA = countA[k] / nA, pP = countP[k] / nP;
      return { variable: c.variable, level, allTreatedMean: pA, poolMean: pP, d: Math.sqrt((pA * (1 - pA) + pP * (1 - pP)) / 2) };
    }),
  };
}

/**
 * Rows in covariate order: a categorical covariate's levels in coded order (byte order, `(missing)` last); a numeric
 * covariate's filled values, then its `(missing)` indicator row if it has missing values; finally the `score` row.
 */
export function balanceBasis(coded: readonly CodedCovariate[], score: Float64Array, treated: Uint8Array): BalanceBasis {
  const items: BalanceBasis['items'] = [];
  for (const c of coded) {
    if (c.kind === 'categorical') {
      items.push(categoricalBasis(c, treated));
      continue;
    }
    items.push(numericBasis(c.variable, null, c.values, treated, c.binary));
    if (c.missing) items.push(numericBasis(c.variable, MISSING_LEVEL, Float64Array.from(c.missing), treated, true));
  }
  items.push(numericBasis('score', null, score, treated, false));
  return { treated, items };
}

/** The rows of the treated group T and the comparison group C, in row order: the only rows balanceAfter reads. */
function groupRows({ treated, matchedTreated, weights }: BalanceGroups): Int32Array {
  const n = treated.length;
  const rows = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (treated[i] === 1 ? matchedTreated[i] === 1 : weights[i] > 0) rows[count++] = i;
  return rows.subarray(0, count);
}

function makeRow(b: RowBasis, treatedMean: number, comparisonMean: number, varianceRatio: number | null, bands: Bands): BalanceRow {
  const smdBefore = standardisedDifference(b.allTreatedMean - b.poolMean, b.d);
  const after = treatedMean - comparisonMean;
  const smdAfter = Number.isFinite(after) ? standardisedDifference(after, b.d) : null;
  return {
    variable: b.variable,
    level: b.level,
    treatedMean: finiteOrNull(treatedMean),
    allTreatedMean: b.allTreatedMean,
    poolMean: b.poolMean,
    comparisonMean: finiteOrNull(comparisonMean),
    smdBefore,
    smdAfter,
    band: balanceBand(smdAfter, bands),
    varianceRatio: varianceRatio === null ? null : finiteOrNull(varianceRatio),
  };
}

/** Over the group rows: the sum and number of T's values, C's weighted sum, V1 = sum of w and V2 = sum of w^2. */
function weightedSums(values: Float64Array, g: BalanceGroups, rows: Int32Array): { sumT: number; nT: number; sumC: number; v1: number; v2: number } {
  const { treated, weights } = g;
  let sumT = 0, nT = 0, sumC = 0, v1 = 0, v2 = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (treated[i] === 1) {
      sumT += values[i];
      nT++;
    } else {
      const w = weights[i];
      sumC += w * values[i];
      v1 += w;
      v2 += w * w;
    }
  }
  return { sumT, nT, sumC, v1, v2 };
}

/** Over the group rows: T's squared deviations from meanT and C's weighted squared deviations from meanC. */
function weightedSquares(values: Float64Array, g: BalanceGroups, rows: Int32Array, meanT: number, meanC: number): { ssT: number; ssC: number } {
  const { treated, weights } = g;
  let ssT = 0, ssC = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const v = values[i];
    if (treated[i] === 1) ssT += (v - meanT) * (v - meanT);
    else ssC += weights[i] * (v - meanC) * (v - meanC);
  }
  return { ssT, ssC };
}

/** T and C of a numeric row over the group rows: means, then squared deviations for the variance ratio. */
function numericRow(b: NumericBasis, g: BalanceGroups, rows: Int32Array, bands: Bands): BalanceRow {
  const { sumT, nT, sumC, v1, v2 } = weightedSums(b.values, g, rows);
  const meanT = sumT / nT, meanC = sumC / v1;
  if (b.binary) return makeRow(b, meanT, meanC, null, bands);
  const { ssT, ssC } = weightedSquares(b.values, g, rows, meanT, meanC);
  const varT = ssT / (nT - 1);
  // Weighted variance of METHOD.md section 6: sum w (y - mean)^2 / (V1 - V2 / V1).
  const varC = ssC / (v1 - v2 / v1);
  return makeRow(b, meanT, meanC, varT / varC, bands);
}

function categoricalRows(b: CategoricalBasis, g: BalanceGroups, rows: Int32Array, bands: Bands): BalanceRow[] {
  const L = b.levels.length;
  const countT = new Float64Array(L), weightC = new Float64Array(L);
  let nT = 0, v1 = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (g.treated[i] === 1) {
      countT[b.codes[i]]++;
      nT++;
    } else {
      weightC[b.codes[i]] += g.weights[i];
      v1 += g.weights[i];
    }
  }
  return b.levels.map((level, k) => makeRow(level, countT[k] / nT, weightC[k] / v1, null, bands));
}

/** The balance table of one matching, from the basis of its score. */
export function balanceAfter(basis: BalanceBasis, groups: BalanceGroups, bands: Bands): BalanceRow[] {
  const rows = groupRows(groups);
  return basis.items.flatMap((item) => (item.kind === 'categorical' ? categoricalRows(item, groups, rows, bands) : [numericRow(item, groups, rows, bands)]));
}

/** The whole table of METHOD.md section 4 for one matching. */
export function balanceTable(coded: readonly CodedCovariate[], score: Float64Array, groups: BalanceGroups, bands: Bands): BalanceRow[] {
  return balanceAfter(balanceBasis(coded, score, groups.treated), groups, bands);
}
