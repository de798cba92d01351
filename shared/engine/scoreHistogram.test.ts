import { describe, expect, it } from 'vitest';
import { scoreHistogram } from './scoreHistogram';

describe('scoreHistogram', () => {
  it('bins matched treated, pool and weighted comparison on common edges', () => {
    // Scores 0..4 over 2 bins: [0, 2) and [2, 4]. Row 1 is an unmatched treated unit: left out.
    const h = scoreHistogram(
      Float64Array.from([0, 10, 1, 2, 4]),
      Uint8Array.from([1, 1, 0, 0, 0]),
      Uint8Array.from([1, 0, 0, 0, 0]),
      Float64Array.from([1, 0, 3, 1, 0]),
      2,
    );
    expect(h.edges).toEqual([0, 2, 4]);
    expect(h.treatedCount).toEqual([1, 0]);
    expect(h.poolCount).toEqual([1, 2]);
    expect(h.comparisonWeight).toEqual([3, 1]);
    expect(h.comparisonShare).toEqual([0.75, 0.25]);
    expect(h.poolShare).toEqual([1 / 3, 2 / 3]);
  });
});
