import { describe, expect, it } from 'vitest';
import { decodeTexts, decodeTyped, encodeTexts, encodeTyped } from './storedColumn';

describe('stored columns', () => {
  it('round-trips typed arrays, also from a blob that is not aligned for the type', () => {
    const values = Float64Array.of(1.5, NaN, -0, 2 ** 53);
    const blob = encodeTyped(values);
    expect(blob.byteLength).toBe(32);
    expect([...decodeTyped('float64', blob)]).toEqual([1.5, NaN, -0, 2 ** 53]);
    const shifted = Buffer.concat([Buffer.from([9]), blob]).subarray(1);
    expect(shifted.byteOffset % 8).not.toBe(0);
    expect([...decodeTyped('float64', shifted)]).toEqual([1.5, NaN, -0, 2 ** 53]);
    expect([...decodeTyped('int16', encodeTyped(Int16Array.of(-3, 700)))]).toEqual([-3, 700]);
  });

  it('refuses a blob whose length does not fit the type', () => {
    expect(() => decodeTyped('int32', Buffer.alloc(6))).toThrow(/int32 column has 6 bytes/);
  });

  it('round-trips texts, empty ones and line breaks included, and checks the count', () => {
    const texts = ['R1', '', 'two\nlines', 'Zo\u00EB'];
    expect(decodeTexts(encodeTexts(texts), 4)).toEqual(texts);
    expect(decodeTexts(encodeTexts([]), 0)).toEqual([]);
    expect(decodeTexts(encodeTexts(['']), 1)).toEqual(['']);
    expect(() => decodeTexts(encodeTexts(texts), 3)).toThrow(/4 values, not 3/);
    expect(() => encodeTexts(['a\0b'])).toThrow(/NUL/);
  });
});
