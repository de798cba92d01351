import { describe, expect, it } from 'vitest';
import { compareByteOrder, indexInByteOrder } from './byteOrder';

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
