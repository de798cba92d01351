import { describe, expect, it } from 'vitest';
import { byteOrderRows, compareByteOrder, indexInByteOrder } from './byteOrder';
import { Xoshiro128 } from '../demo/xoshiro128';

describe('indexInByteOrder', () => {
  // UTF-8 byte order: U+E000 comes before U+1F600, whose UTF-16 surrogates (U+D83D ...) would sort first.
  const sorted = ['A', 'CR001', 'CR002', 'Z', 'a', 'é', '\uE000', '\u{1F600}'];

  it('finds every id of a list in byte order, and no other', () => {
    expect([...sorted].sort(compareByteOrder)).toEqual(sorted);
    sorted.forEach((id, k) => expect(indexInByteOrder(sorted, id)).toBe(k));
    for (const absent of ['', 'B', 'CR0015', 'zz', '\uD83D', '\u{1F601}']) expect(indexInByteOrder(sorted, absent)).toBe(-1);
    expect(indexInByteOrder([], 'A')).toBe(-1);
  });
});

describe('byteOrderRows', () => {
  /** The oracle: a stable comparison sort by compareByteOrder. */
  const bySort = (ids: string[]) => ids.map((_, i) => i).sort((a, b) => compareByteOrder(ids[a], ids[b]) || a - b);

  it('puts ids in UTF-8 byte order, a prefix first and equal ids in their given order', () => {
    // '' < 'A' < 'CR1' (row 2, then row 4) < 'CR10' < 'CR2' < 'é' (C3 A9) < U+E000 (EE 80 80) < U+1F600 (F0 9F 98 80).
    const ids = ['CR10', 'CR2', 'CR1', '', 'CR1', 'é', '\uE000', '\u{1F600}', 'A'];
    expect([...byteOrderRows(ids)]).toEqual([3, 8, 2, 4, 0, 1, 5, 6, 7]);
    // Without the surrogates (16-bit keys) the same order.
    expect([...byteOrderRows(ids.slice(0, 6))]).toEqual([3, 2, 4, 0, 1, 5]);
  });

  it('agrees with a comparison sort on random ids, whatever their order', () => {
    const rng = Xoshiro128.fromSeed(20261130);
    const alphabets = [['0', '1', '9', 'A', 'R', 'a'], ['0', 'A', 'é', '\uD7FF', '\uE000', '\uFFFF', '\u{10000}', '\u{1F600}']];
    for (const alphabet of alphabets) {
      const ids = Array.from({ length: 3000 }, () => {
        let id = '';
        for (let k = Math.floor(rng.uniform() * 7); k > 0; k--) id += alphabet[Math.floor(rng.uniform() * alphabet.length)];
        return id;
      });
      expect([...byteOrderRows(ids)]).toEqual(bySort(ids));
      const reversed = [...ids].reverse();
      expect([...byteOrderRows(reversed)]).toEqual(bySort(reversed));
    }
  });

  it('returns ids already in order as they are, and sorts ids too long for the radix keys by comparisons', () => {
    expect([...byteOrderRows(['A', 'A', 'B', 'b'])]).toEqual([0, 1, 2, 3]);
    // 3 ids of up to 2^23 + 1 characters: past the radix sort's 2^24 characters of keys.
    const long = 'C'.repeat(2 ** 23);
    expect([...byteOrderRows([long + 'b', 'D', long + 'a'])]).toEqual([2, 0, 1]);
  });
});
