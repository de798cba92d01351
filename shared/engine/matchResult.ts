// What every matching method returns, per row of the analysis.

export interface MatchResult {
  /** Treated rows: 1 when matched, 0 when not. Pool rows: the comparison weight (0 = not in the comparison group). */
  weights: Float64Array;
  /** 1 for a treated row that got at least one comparison record. */
  matchedTreated: Uint8Array;
  /** Treated rows left without a match (they leave the treatment group). */
  notMatched: number;
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
