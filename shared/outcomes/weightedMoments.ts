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

/** What every measure over one group shares: its records (w > 0), V1 = sum w and V2 = sum w^2. */
export interface GroupWeights {
  records: number;
  sumW: number;
  sumW2: number;
}

export function groupWeights(w: ArrayLike<number>): GroupWeights {
  const v1 = new ExactSum();
  const v2 = new ExactSum();
  let records = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    if (wi <= 0) continue;
    records++;
    v1.add(wi);
    v2.add(wi * wi);
  }
  return { records, sumW: v1.value(), sumW2: v2.value() };
}

/**
 * Weighted moments of y over the rows with w > 0:
 * mean = sum w y / V1; variance = sum w (y - mean)^2 / (V1 - V2 / V1); n = V1^2 / V2 (effective size),
 * V1 = sum w, V2 = sum w^2. With 0/1 weights this is the plain mean, the (n - 1) sample variance and n.
 * Rescaling the weights changes none of the three, so renormalising a sub-population's weights
 * (METHOD.md section 5) needs no extra step. Rows with w = 0 are skipped, so y may be NaN there.
 * Mean/variance are NaN for an empty group; variance is NaN for a single record. `weights` are the
 * group's (groupWeights(w)), passed when several measures share the group.
 */
export function weightedMoments(y: ArrayLike<number>, w: ArrayLike<number>, weights: GroupWeights = groupWeights(w)): WeightedGroup {
  const { records, sumW, sumW2 } = weights;
  if (records === 0) return { records: 0, n: 0, mean: NaN, variance: NaN };
  const wy = new ExactSum();
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    if (wi > 0) wy.add(wi * y[i]);
  }
  const mean = wy.value() / sumW;
  const squares = new ExactSum();
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    if (wi <= 0) continue;
    const dev = y[i] - mean;
    squares.add(wi * dev * dev);
  }
  const variance = records > 1 ? squares.value() / (sumW - sumW2 / sumW) : NaN;
  return { records, n: (sumW * sumW) / sumW2, mean, variance };
}
