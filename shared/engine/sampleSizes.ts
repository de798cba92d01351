// Sample sizes as MatchIt's `summary()` prints them, per group: all records, the effective size of the matched
// (ESS = (sum w)^2 / sum w^2; the treated all weigh 1), matched, unmatched, and discarded. Matchlab discards only what
// the pool filter leaves out (treated and pool records of another sub-population); MatchIt's common-support `discard`
// has no counterpart. So all = matched + unmatched + discarded in each group.

export interface GroupSampleSizes {
  all: number;
  matchedEffective: number;
  matched: number;
  unmatched: number;
  discarded: number;
}

export interface SampleSizes {
  comparison: GroupSampleSizes;
  treated: GroupSampleSizes;
}

export interface SampleSizeCounts {
  /** Treated records of the analysis (inside the pool filter), and how many of them were matched. */
  treatedInAnalysis: number;
  treatedMatched: number;
  treatedOutsideFilter: number;
  /** Pool records of the analysis, those with a weight, their effective size, and eligible records filtered out. */
  poolInAnalysis: number;
  comparisonRecords: number;
  comparisonEffective: number;
  poolOutsideFilter: number;
}

export function sampleSizes(c: SampleSizeCounts): SampleSizes {
  return {
    treated: {
      all: c.treatedInAnalysis + c.treatedOutsideFilter,
      matchedEffective: c.treatedMatched,
      matched: c.treatedMatched,
      unmatched: c.treatedInAnalysis - c.treatedMatched,
      discarded: c.treatedOutsideFilter,
    },
    comparison: {
      all: c.poolInAnalysis + c.poolOutsideFilter,
      matchedEffective: c.comparisonEffective,
      matched: c.comparisonRecords,
      unmatched: c.poolInAnalysis - c.comparisonRecords,
      discarded: c.poolOutsideFilter,
    },
  };
}
