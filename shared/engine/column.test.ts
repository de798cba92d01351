import { describe, expect, it } from 'vitest';
import { INT16_BLANK, INT8_BLANK, numberAt, widenNumbers } from './column';

describe('compact numbers of the cohort table', () => {
  it('read the type\'s smallest value as a blank, every other value as itself', () => {
    const int8 = Int8Array.of(3, INT8_BLANK, -127, 127);
    const int16 = Int16Array.of(300, INT16_BLANK, -32767);
    expect([0, 1, 2, 3].map((i) => numberAt(int8, i))).toEqual([3, NaN, -127, 127]);
    expect([0, 1, 2].map((i) => numberAt(int16, i))).toEqual([300, NaN, -32767]);
    // Doubles are as they are: -128 is a value there, NaN the blank.
    expect([0, 1].map((i) => numberAt(Float64Array.of(-128, NaN), i))).toEqual([-128, NaN]);
  });

  it('widen to doubles, every value or only the rows asked for, in their order', () => {
    const int8 = Int8Array.of(3, INT8_BLANK, -127, 127);
    expect([...widenNumbers(int8)]).toEqual([3, NaN, -127, 127]);
    expect([...widenNumbers(int8, Int32Array.of(3, 1, 0))]).toEqual([127, NaN, 3]);
    expect([...widenNumbers(Int16Array.of(INT16_BLANK, 32767), Int32Array.of(1, 0))]).toEqual([32767, NaN]);
    const doubles = Float64Array.of(0.5, -128, NaN);
    expect([...widenNumbers(doubles, Int32Array.of(2, 1))]).toEqual([NaN, -128]);
    // A copy, never the column itself.
    const all = widenNumbers(doubles);
    expect([...all]).toEqual([0.5, -128, NaN]);
    expect(all).not.toBe(doubles);
  });
});
