// Effective sample size of a weighted group (METHOD.md section 4): (sum w)^2 / sum w^2, over the given rows.

/** (sum w)^2 / sum w^2 over rows where include is 1 (all rows when include is omitted); 0 for no weight. */
export function effectiveSampleSize(weights: Float64Array, include?: Uint8Array): number {
  let sum = 0, sumSquares = 0;
  for (let i = 0; i < weights.length; i++) {
    if (include && include[i] === 0) continue;
    sum += weights[i];
    sumSquares += weights[i] * weights[i];
  }
  return sumSquares > 0 ? (sum * sum) / sumSquares : 0;
}
