import { describe, expect, it } from 'vitest';
import type { ScoreHistogram } from '../engine/scoreHistogram';
import { overlapRange } from './overlapRange';

function histogram(treated: number[], pool: number[], weight: number[]): ScoreHistogram {
  const total = pool.reduce((a, b) => a + b, 0);
  return {
    edges: Array.from({ length: treated.length + 1 }, (_, i) => i),
    treatedCount: treated,
    poolCount: pool,
    comparisonWeight: weight,
    treatedShare: [],
    poolShare: pool.map((p) => p / total),
    comparisonShare: [],
  };
}

describe('overlapRange', () => {
  it('drops outer bins with no treated person and no comparison weight, and counts the pool records they hold', () => {
    // Bins 0-1 (1 + 150 pool records) and 5 (1 record) hold pool records only; an inner empty bin (3) stays.
    const h = histogram([0, 0, 2, 0, 1, 0], [1, 150, 300, 500, 193, 1], [0, 0, 1, 0, 1, 0]);
    expect(overlapRange(h)).toEqual({ first: 2, last: 4, poolLeftOut: 152 });
  });

  it('keeps an outer bin that holds comparison weight or a treated person', () => {
    const h = histogram([1, 0, 5, 0], [1, 400, 598, 1], [0, 1, 4, 0.5]);
    expect(overlapRange(h)).toEqual({ first: 0, last: 3, poolLeftOut: 0 });
  });
});
