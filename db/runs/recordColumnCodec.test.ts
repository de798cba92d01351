import { describe, expect, it } from 'vitest';
import { decodeColumn, encodeColumn } from './recordColumnCodec';

const layout = (b: Buffer) => b.readUInt32LE(0);

describe('record columns in their smallest layout', () => {
  it('keeps a mostly-zero column sparse: 2 set totals of 1,000 rows take 16 + 8 + 16 bytes, not 8,000', () => {
    const setTotal = new Float64Array(1000);
    setTotal[3] = 7;
    setTotal[998] = 0.5;
    const b = encodeColumn(setTotal);
    expect([layout(b), b.length]).toEqual([2, 16 + 8 + 16]);
    expect(decodeColumn(b, Float64Array)).toEqual(setTotal);
  });

  it('narrows small integers to one byte each: 20 strata of 1,000 rows take 16 + 1,000 bytes', () => {
    const strata = Int32Array.from({ length: 1000 }, (_, i) => (i * 7) % 20);
    const b = encodeColumn(strata);
    expect([layout(b), b.length]).toEqual([1, 1016]);
    const back = decodeColumn(b, Int32Array);
    expect(back).toBeInstanceOf(Int32Array);
    expect(back).toEqual(strata);
  });

  it('keeps a dense column as it is, every bit (a -0, a NaN, the extremes) coming back', () => {
    const score = Float64Array.from([-0, 1.5, Number.NaN, -Number.MAX_VALUE, Number.MIN_VALUE, 0.1 + 0.2]);
    const b = encodeColumn(score);
    expect([layout(b), b.length]).toEqual([0, 16 + 48]);
    const back = decodeColumn(b, Float64Array);
    expect(Object.is(back[0], -0)).toBe(true);
    expect(Buffer.from(back.buffer)).toEqual(Buffer.from(score.buffer));
    const order = Int32Array.from([2, 300, 1, 0]);
    expect(layout(encodeColumn(order))).toBe(0);
    expect(decodeColumn(encodeColumn(order), Int32Array)).toEqual(order);
  });

  it('reads a column from a Buffer at any offset, and empty columns', () => {
    const treated = new Uint8Array(500);
    treated[499] = 1;
    const inner = encodeColumn(treated);
    const shifted = Buffer.concat([Buffer.from([9]), inner]).subarray(1);
    expect(decodeColumn(shifted, Uint8Array)).toEqual(treated);
    expect(decodeColumn(encodeColumn(new Float64Array(0)), Float64Array)).toEqual(new Float64Array(0));
  });

  it('refuses a layout it does not know', () => {
    const b = encodeColumn(new Int32Array([1, 2]));
    b.writeUInt32LE(7, 0);
    expect(() => decodeColumn(b, Int32Array)).toThrow(/layout 7/);
  });
});
