import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/reference/syntheticCohort';
import { epanechnikov, kernelMatch } from './kernelMatch';

describe('kernelMatch', () => {
  it('matches the worked example by hand', () => {
    // Treated row 0 at 0; pool rows 1 (0), 2 (0.5), 3 (1), 4 (2); bandwidth 1.
    // K(0) = 0.75, K(0.5) = 0.5625, K(1) = 0, K(2) = 0; total 1.3125.
    // w_1 = 0.75 / 1.3125 = 4/7, w_2 = 0.5625 / 1.3125 = 3/7, w_3 = w_4 = 0.
    const r = kernelMatch(Float64Array.from([0, 0, 0.5, 1, 2]), Uint8Array.from([1, 0, 0, 0, 0]), new Int32Array(5), { bandwidth: 1 });
    expect(r.weights[0]).toBe(1);
    expect(r.weights[1]).toBeCloseTo(4 / 7, 14);
    expect(r.weights[2]).toBeCloseTo(3 / 7, 14);
    expect(r.weights[3]).toBe(0);
    expect(r.weights[4]).toBe(0);
  });

  it('equals a direct computation of the formula on random data with strata', () => {
    const random = seededRandom(12);
    const n = 2000;
    const score = Float64Array.from({ length: n }, () => random() * 4 - 2);
    const treated = Uint8Array.from({ length: n }, () => (random() < 0.1 ? 1 : 0));
    const strata = Int32Array.from({ length: n }, () => Math.floor(random() * 3));
    const c = 0.1;
    const r = kernelMatch(score, treated, strata, { bandwidth: c });
    const direct = new Float64Array(n);
    let unmatched = 0;
    for (let i = 0; i < n; i++) {
      if (treated[i] === 0) continue;
      let total = 0;
      for (let j = 0; j < n; j++) if (treated[j] === 0 && strata[j] === strata[i]) total += epanechnikov((score[j] - score[i]) / c);
      if (total === 0) {
        unmatched++;
        continue;
      }
      direct[i] = 1;
      for (let j = 0; j < n; j++) if (treated[j] === 0 && strata[j] === strata[i]) direct[j] += epanechnikov((score[j] - score[i]) / c) / total;
    }
    for (let j = 0; j < n; j++) expect(Math.abs(r.weights[j] - direct[j])).toBeLessThan(1e-12);
    expect(r.notMatched).toBe(unmatched);
  });
});
