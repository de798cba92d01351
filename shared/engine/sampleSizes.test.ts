import { describe, expect, it } from 'vitest';
import { sampleSizes } from './sampleSizes';

describe('sampleSizes', () => {
  it('splits each group into matched, unmatched and discarded, as MatchIt summarises a matching', () => {
    // 71 treated matched of 74 in a men-only analysis that left 5 treated women out; 286,869 of 300,000 pool
    // records weighted, with an effective size of 40,213.5; 150,000 eligible women filtered out.
    const s = sampleSizes({
      treatedInAnalysis: 74,
      treatedMatched: 71,
      treatedOutsideFilter: 5,
      poolInAnalysis: 300_000,
      comparisonRecords: 286_869,
      comparisonEffective: 40_213.5,
      poolOutsideFilter: 150_000,
    });
    expect(s.treated).toEqual({ all: 79, matchedEffective: 71, matched: 71, unmatched: 3, discarded: 5 });
    expect(s.comparison).toEqual({ all: 450_000, matchedEffective: 40_213.5, matched: 286_869, unmatched: 13_131, discarded: 150_000 });
  });
});
