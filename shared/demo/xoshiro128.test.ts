import { describe, expect, it } from 'vitest';
import { cumulativeWeights, Xoshiro128 } from './xoshiro128';

describe('Xoshiro128', () => {
  it('gives the reference xoshiro128** outputs for state (1, 2, 3, 4)', () => {
    // Worked by hand from the published algorithm: output = rotl(s1 * 5, 7) * 9.
    const rng = new Xoshiro128(1, 2, 3, 4);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = Xoshiro128.fromSeed(42);
    const b = Xoshiro128.fromSeed(42);
    const c = Xoshiro128.fromSeed(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('draws uniforms in (0, 1) with mean 1/2 and normals with mean 0 and variance 1', () => {
    const rng = Xoshiro128.fromSeed(7);
    const n = 200_000;
    let su = 0;
    let sz = 0;
    let szz = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      if (!(u > 0 && u < 1)) outside++;
      su += u;
      const z = rng.normal();
      sz += z;
      szz += z * z;
    }
    expect(outside).toBe(0);
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sz / n).toBeCloseTo(0, 1);
    expect(szz / n).toBeCloseTo(1, 1);
  });

  it('picks categories in proportion to their weights', () => {
    const rng = Xoshiro128.fromSeed(3);
    const cum = cumulativeWeights([1, 3, 0, 6]);
    const hits = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) hits[rng.pick(cum)]++;
    expect(hits[2]).toBe(0);
    expect(hits[0] / 1e5).toBeCloseTo(0.1, 2);
    expect(hits[1] / 1e5).toBeCloseTo(0.3, 2);
    expect(hits[3] / 1e5).toBeCloseTo(0.6, 2);
  });
});
