import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/reference/syntheticCohort';
import { radiusMatch } from './radiusMatch';

describe('radiusMatch', () => {
  it('matches the worked example by hand', () => {
    // Treated rows 0 (score 0) and 1 (score 1); pool 2 (0.1), 3 (0.25), 4 (0.9), 5 (3); caliper 0.25; one stratum.
    // C(0) = {2, 3} (|0 - 0.25| = 0.25 is inside), C(1) = {4}; row 5 is in no set.
    // w_2 = w_3 = 1/2, w_4 = 1; the weights sum to 2 = the matched treated.
    const r = radiusMatch(Float64Array.from([0, 1, 0.1, 0.25, 0.9, 3]), Uint8Array.from([1, 1, 0, 0, 0, 0]), new Int32Array(6), { caliper: 0.25 });
    expect(Array.from(r.weights)).toEqual([1, 1, 0.5, 0.5, 1, 0]);
    expect(Array.from(r.setTotal)).toEqual([2, 1, 0, 0, 0, 0]);
    expect(r.notMatched).toBe(0);
  });

  it('leaves a treated unit with no pool record in its stratum within the caliper unmatched', () => {
    // Row 0 (stratum 0) has only row 2 nearby, but row 2 is in stratum 1.
    const r = radiusMatch(Float64Array.from([0, 0, 0.05]), Uint8Array.from([1, 1, 0]), Int32Array.from([0, 1, 1]), { caliper: 0.1 });
    expect(Array.from(r.weights)).toEqual([0, 1, 1]);
    expect(Array.from(r.matchedTreated)).toEqual([0, 1, 0]);
    expect(r.notMatched).toBe(1);
  });

  it('equals a direct computation of w_j = sum over i of 1/|C(i)| on random data with strata', () => {
    const random = seededRandom(11);
    const n = 3000;
    const score = Float64Array.from({ length: n }, () => random() * 4 - 2);
    const treated = Uint8Array.from({ length: n }, () => (random() < 0.1 ? 1 : 0));
    const strata = Int32Array.from({ length: n }, () => Math.floor(random() * 4));
    const c = 0.05;
    const r = radiusMatch(score, treated, strata, { caliper: c });
    const direct = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (treated[i] === 0) continue;
      const set = [];
      for (let j = 0; j < n; j++) if (treated[j] === 0 && strata[j] === strata[i] && Math.abs(score[i] - score[j]) <= c) set.push(j);
      direct[i] = set.length > 0 ? 1 : 0;
      for (const j of set) direct[j] += 1 / set.length;
    }
    for (let j = 0; j < n; j++) {
      expect(r.weights[j] > 0).toBe(direct[j] > 0);
      expect(Math.abs(r.weights[j] - direct[j])).toBeLessThan(1e-12);
    }
  });
});
