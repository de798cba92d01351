// What every matching method returns, per row of the analysis.

export interface MatchResult {
  /** Treated rows: 1 when matched, 0 when not. Pool rows: the comparison weight (0 = not in the comparison group). */
  weights: Float64Array;
  /** 1 for a treated row that got at least one comparison record. */
  matchedTreated: Uint8Array;
  /** Treated rows left without a match (they leave the treatment group). */
  notMatched: number;
  /**
   * Per treated row, the denominator of its pair weights: |C(i)| (radius), k_i (nearest), the kernel sum over its
   * window (kernel); 0 for an unmatched treated row and for pool rows. A pair (i, j) adds K_ij / setTotal[i] to w_j
   * (K_ij = 1 for radius and nearest), so a matched set's pair weights can be read back without matching again.
   */
  setTotal: Float64Array;
}

/** Sets treated weights (1 matched, 0 not) and counts the unmatched, given matchedTreated. */
export function finishTreatedWeights(treated: Uint8Array, matchedTreated: Uint8Array, weights: Float64Array): number {
  let notMatched = 0;
  for (let i = 0; i < treated.length; i++) {
    if (treated[i] === 0) continue;
    weights[i] = matchedTreated[i];
    if (matchedTreated[i] === 0) notMatched++;
  }
  return notMatched;
}
