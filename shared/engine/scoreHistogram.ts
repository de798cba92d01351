// Distribution of the logit score for an overlap plot: common equal-width bins over the scores of the matched
// treated and the pool; bin b is [edges[b], edges[b + 1]), the last bin closed on the right.

export interface ScoreHistogram {
  /** bins + 1 edges. */
  edges: number[];
  /** Matched treated units per bin. */
  treatedCount: number[];
  /** Pool records per bin (unweighted). */
  poolCount: number[];
  /** Comparison weight per bin. */
  comparisonWeight: number[];
  /** The same, each normalised to sum to 1 (all 0 when the group is empty), so the groups share one axis. */
  treatedShare: number[];
  poolShare: number[];
  comparisonShare: number[];
}

export const DEFAULT_HISTOGRAM_BINS = 40;

function shares(values: Float64Array): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return Array.from(values, (v) => (total > 0 ? v / total : 0));
}

export function scoreHistogram(
  score: Float64Array,
  treated: Uint8Array,
  matchedTreated: Uint8Array,
  weights: Float64Array,
  bins = DEFAULT_HISTOGRAM_BINS,
): ScoreHistogram {
  let min = Number.POSITIVE_INFINITY, max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < score.length; i++) {
    if (treated[i] === 1 && matchedTreated[i] === 0) continue;
    if (score[i] < min) min = score[i];
    if (score[i] > max) max = score[i];
  }
  if (!(min <= max)) return { edges: [], treatedCount: [], poolCount: [], comparisonWeight: [], treatedShare: [], poolShare: [], comparisonShare: [] };
  // All scores equal: one bin of width 1 around them.
  const width = max > min ? (max - min) / bins : 1;
  const count = max > min ? bins : 1;
  const lowest = max > min ? min : min - 0.5;
  const edges = Array.from({ length: count + 1 }, (_, b) => (b === count && max > min ? max : lowest + b * width));
  // Typed sums in the row loop (a plain array of numbers costs a boxed double per add).
  const treatedCount = new Float64Array(count);
  const poolCount = new Float64Array(count);
  const comparisonWeight = new Float64Array(count);
  for (let i = 0; i < score.length; i++) {
    if (treated[i] === 1 && matchedTreated[i] === 0) continue;
    const b = Math.min(count - 1, Math.floor((score[i] - lowest) / width));
    if (treated[i] === 1) treatedCount[b]++;
    else {
      poolCount[b]++;
      comparisonWeight[b] += weights[i];
    }
  }
  return {
    edges,
    treatedCount: Array.from(treatedCount),
    poolCount: Array.from(poolCount),
    comparisonWeight: Array.from(comparisonWeight),
    treatedShare: shares(treatedCount),
    poolShare: shares(poolCount),
    comparisonShare: shares(comparisonWeight),
  };
}
