import { describe, expect, it } from 'vitest';
import { markTreated } from './analysisData';

describe('markTreated', () => {
  it('marks the treated records among ids in byte order', () => {
    const treated = new Uint8Array(5);
    markTreated(['R1', 'R2', 'R3', 'R4', 'R5'], ['R4', 'R1'], treated);
    expect([...treated]).toEqual([1, 0, 0, 1, 0]);
  });

  it('still marks every treated record when the ids are out of order, or a treated id is not among them', () => {
    const unsorted = ['R5', 'R1', 'R4', 'R2', 'R3'];
    const treated = new Uint8Array(5);
    // A binary search over these misses R1 and R4; the pass over every id finds them.
    markTreated(unsorted, ['R1', 'R4', 'R3'], treated);
    expect([...treated]).toEqual([0, 1, 1, 0, 1]);
    const some = new Uint8Array(3);
    markTreated(['A', 'B', 'C'], ['B', 'X'], some);
    expect([...some]).toEqual([0, 1, 0]);
  });
});
