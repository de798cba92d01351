import { describe, expect, it } from 'vitest';
import { byteOrderPermutation, compareByteOrder, indexInByteOrder } from './byteOrder';

// U+FF5E (UTF-8 EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in bytes, after it in UTF-16 code units.
const FULLWIDTH_TILDE = '\uFF5E';
const GRINNING_FACE = '\u{1F600}';

describe('byte order', () => {
  it('compares as UTF-8 bytes, not UTF-16 code units', () => {
    expect(compareByteOrder(FULLWIDTH_TILDE, GRINNING_FACE)).toBeLessThan(0);
    expect(FULLWIDTH_TILDE < GRINNING_FACE).toBe(false);
    expect(compareByteOrder('R10', 'R9')).toBeLessThan(0);
    expect(compareByteOrder('R1', 'R1')).toBe(0);
  });

  it('orders ids and refuses a duplicate', () => {
    expect([...byteOrderPermutation(['R3', GRINNING_FACE, 'R1', FULLWIDTH_TILDE])]).toEqual([2, 0, 3, 1]);
    expect(() => byteOrderPermutation(['R1', 'R2', 'R1'])).toThrow(/"R1" occurs twice/);
  });

  it('finds an id among ids in byte order by binary search', () => {
    const sorted = ['A', 'R1', 'R10', 'R9', FULLWIDTH_TILDE, GRINNING_FACE];
    sorted.forEach((id, k) => expect(indexInByteOrder(sorted, id)).toBe(k));
    expect(indexInByteOrder(sorted, 'R2')).toBe(-1);
    expect(indexInByteOrder([], 'R1')).toBe(-1);
  });
});
