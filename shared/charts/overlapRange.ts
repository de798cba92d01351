// Which bins of a score histogram the overlap plot draws. Separation can leave pool records at extreme logit
// scores (e.g. -25) that would squeeze every group into a sliver of the axis; the plot keeps the bins from the
// first to the last holding a treated person or comparison weight, and says how many pool records that leaves out.
import type { ScoreHistogram } from '../engine/scoreHistogram';

export interface OverlapRange {
  /** First and last bin drawn (inclusive). */
  first: number;
  last: number;
  /** Pool records in the bins left out: no treated person or comparison record shares their scores. */
  poolLeftOut: number;
}

export function overlapRange(h: ScoreHistogram): OverlapRange {
  const bins = h.treatedCount.length;
  const kept = (b: number) => h.treatedCount[b] > 0 || h.comparisonWeight[b] > 0;
  let first = 0;
  while (first < bins - 1 && !kept(first)) first++;
  let last = bins - 1;
  while (last > first && !kept(last)) last--;
  let poolLeftOut = 0;
  for (let b = 0; b < bins; b++) if (b < first || b > last) poolLeftOut += h.poolCount[b];
  return { first, last, poolLeftOut };
}
