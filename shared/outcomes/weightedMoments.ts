// Mean and variance of a weighted group, reduced to the summary every estimate works from.
import { ExactSum } from './exactSum';

/** A group as the t-test sees it: size (effective size for a weighted group), mean, variance. */
export interface GroupSummary {
  n: number;
  mean: number;
  variance: number;
}

/** A weighted group's summary plus its record count (records with w > 0). */
export interface WeightedGroup extends GroupSummary {
  records: number;
}

/** The rows of a weighted group (w > 0) with their weights and weight totals, shared by every measure of the group. */
export interface WeightedRows {
  rows: Int32Array;
  weights: Float64Array;
  /** V1 = sum w, V2 = sum w^2 (exact sums). */
  sumW: number;
  sumW2: number;
}

/** The given rows (in row order, each with w > 0) with their weights, and V1, V2. */
export function rowsWithWeights(rows: Int32Array, w: ArrayLike<number>): WeightedRows {
  const weights = new Float64Array(rows.length);
  const v1 = new ExactSum();
  const v2 = new ExactSum();
  for (let k = 0; k < rows.length; k++) {
    const wi = (weights[k] = w[rows[k]]);
    v1.add(wi);
    v2.add(wi * wi);
  }
  return { rows, weights, sumW: v1.value(), sumW2: v2.value() };
}

/** Rows of weight 1 (a treatment group): V1 = V2 = the number of rows, as the exact sums would give. */
export function unitWeights(rows: Int32Array): WeightedRows {
  return { rows, weights: new Float64Array(rows.length).fill(1), sumW: rows.length, sumW2: rows.length };
}

/** The rows with w > 0, in row order, and V1, V2. */
export function weightedRows(w: ArrayLike<number>): WeightedRows {
  let records = 0;
  for (let i = 0; i < w.length; i++) if (w[i] > 0) records++;
  const rows = new Int32Array(records);
  for (let i = 0, k = 0; i < w.length; i++) if (w[i] > 0) rows[k++] = i;
  return rowsWithWeights(rows, w);
}

/**
 * Weighted moments of y over a group's rows:
 * mean = sum w y / V1; variance = sum w (y - mean)^2 / (V1 - V2 / V1); n = V1^2 / V2 (effective size).
 * With 0/1 weights this is the plain mean, the (n - 1) sample variance and n.
 * Rescaling the weights changes none of the three, so renormalising a sub-population's weights
 * (METHOD.md section 5) needs no extra step. Only the group's rows are read, so y may be NaN elsewhere.
 * Mean/variance are NaN for an empty group; variance is NaN for a single record.
 */
export function groupMoments(y: ArrayLike<number>, group: WeightedRows): WeightedGroup {
  const { rows, weights, sumW, sumW2 } = group;
  const records = rows.length;
  if (records === 0) return { records: 0, n: 0, mean: NaN, variance: NaN };
  const mean = weightedSum(y, rows, weights) / sumW;
  const variance = records > 1 ? weightedSquares(y, rows, weights, mean) / (sumW - sumW2 / sumW) : NaN;
  return { records, n: (sumW * sumW) / sumW2, mean, variance };
}

// Each pass is a function of its own: V8 optimises a function during its first call's first loop, and a second loop
// never run by then would leave that code, on every later call too, where the loop starts (see balance.ts).

/** Exact sum w y over the rows. */
function weightedSum(y: ArrayLike<number>, rows: Int32Array, weights: Float64Array): number {
  const wy = new ExactSum();
  for (let k = 0; k < rows.length; k++) wy.add(weights[k] * y[rows[k]]);
  return wy.value();
}

/** Exact sum w (y - mean)^2 over the rows. */
function weightedSquares(y: ArrayLike<number>, rows: Int32Array, weights: Float64Array, mean: number): number {
  const squares = new ExactSum();
  for (let k = 0; k < rows.length; k++) {
    const dev = y[rows[k]] - mean;
    squares.add(weights[k] * dev * dev);
  }
  return squares.value();
}

/** groupMoments of y over the rows with w > 0. */
export function weightedMoments(y: ArrayLike<number>, w: ArrayLike<number>): WeightedGroup {
  return groupMoments(y, weightedRows(w));
}
