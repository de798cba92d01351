import { describe, expect, it } from 'vitest';
import { crossProductKernels } from './crossProductKernels';

/** The kernels over a small memory, with `arrays` written at 16-byte-aligned byte offsets (returned). */
function setUp(arrays: number[][]) {
  const k = crossProductKernels(65536);
  const f = new Float64Array(k.memory.buffer);
  let next = 0;
  const at = arrays.map((values) => {
    f.set(values, next);
    const offset = 8 * next;
    next += values.length + (values.length & 1);
    return offset;
  });
  return { k, f, at, free: 8 * next };
}

describe('crossProductKernels', () => {
  it('adds dot products to their outputs: 0.5 + 1x5 + 2x6 + 3x7 + 4x8 = 70.5', () => {
    const { k, f, at } = setUp([[1, 2, 3, 4], [5, 6, 7, 8], [0.5]]);
    k.dot1(at[0], at[1], 8 * 4, at[2]);
    expect(f[at[2] / 8]).toBe(70.5);
  });

  it('sums the even rows and the odd rows apart, then adds out + (even + odd): 1e16, 1, -1e16, 1 gives 2 (in row order, 1)', () => {
    const { k, f, at } = setUp([[1e16, 1, -1e16, 1], [1, 1, 1, 1], [0]]);
    k.dot1(at[0], at[1], 8 * 4, at[2]);
    expect(f[at[2] / 8]).toBe(2);
    expect(((1e16 + 1) - 1e16) + 1).toBe(1);
  });

  it('takes two left-hand rows against four columns at once, each sum as dot1 makes it', () => {
    const a = [0.3, 1.7, -2.2, 4.1, 0.9, -0.6];
    const b = [1.1, -0.4, 2.5, 0.2, -3.3, 0.8];
    const xs = [[2, 0.5, -1, 3, 1.25, -2], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [-7, 3, 1, 0, 2, 5], [1e-3, 1e3, 1, -1, 0.5, 2]];
    const { k, f, at, free } = setUp([a, b, ...xs, [0, 0, 0, 0], [0, 0, 0, 0]]);
    const [oa, ob] = [at[6], at[7]];
    k.dots2x4(at[0], at[1], at[2], at[3], at[4], at[5], 8 * 6, oa, ob);
    k.dots1x4(at[0], at[2], at[3], at[4], at[5], 8 * 6, free);
    for (let c = 0; c < 4; c++) {
      k.dot1(at[0], at[2 + c], 8 * 6, free + 64);
      k.dot1(at[1], at[2 + c], 8 * 6, free + 72);
      expect(f[oa / 8 + c]).toBe(f[free / 8 + 8]);
      expect(f[free / 8 + c]).toBe(f[free / 8 + 8]);
      expect(f[ob / 8 + c]).toBe(f[free / 8 + 9]);
      expect(f[oa / 8 + c]).toBeCloseTo(a.reduce((s, v, r) => s + v * xs[c][r], 0), 12);
      f[free / 8 + 8] = 0;
      f[free / 8 + 9] = 0;
    }
  });

  it('weights a column: w_r x_r', () => {
    const { k, f, at } = setUp([[1.5, -2, 0.25, 4], [2, 3, 8, 0.5], [0, 0, 0, 0]]);
    k.weighted(at[0], at[1], at[2], 8 * 4);
    expect(Array.from(f.subarray(at[2] / 8, at[2] / 8 + 4))).toEqual([3, -6, 2, 2]);
  });

  it('adds a multiple of a column, as dst[r] += c * x[r] does in JavaScript, bit for bit', () => {
    const x = [0.1, -3.7, 1e-300, 2 ** 52 + 1, 7, -0.5];
    const dst = [1e16, 0.2, 5, -3, 0.3, 11];
    const c = 1 / 3;
    const { k, f, at } = setUp([x, dst, [c]]);
    k.scaledAdd(at[0], at[2], at[1], 8 * 6);
    const expected = dst.map((d, r) => d + c * x[r]);
    expect(Array.from(f.subarray(at[1] / 8, at[1] / 8 + 6))).toEqual(expected);
    expect(Array.from(f.subarray(at[0] / 8, at[0] / 8 + 6))).toEqual(x);
  });
});
