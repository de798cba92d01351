import { describe, expect, it } from 'vitest';
import { kernelMatch } from './kernelMatch';
import type { MatchResult } from './matchResult';
import { allPairs, buildMatchedSetIndex, comparisonSet, rowOfRecord, treatedServed, unmatchedTreated, type MatchFacts, type StoredMatch } from './matchedSets';
import { nearestMatch } from './nearestMatch';
import { radiusMatch } from './radiusMatch';
import { poolScoreOrder, strataCount } from './scoreOrder';

function stored(score: number[], treated: number[], strata: number[], m: MatchResult & { pairTreated?: Int32Array; pairControl?: Int32Array }, outsideFilterIds: string[] = []): StoredMatch {
  const s = Int32Array.from(strata);
  return {
    poolOrder: poolScoreOrder(Float64Array.from(score), Uint8Array.from(treated), s, strataCount(s)).rows,
    recordIds: score.map((_, i) => `r${String(i).padStart(3, '0')}`),
    treated: Uint8Array.from(treated),
    score: Float64Array.from(score),
    weight: m.weights,
    strata: Int32Array.from(strata),
    setTotal: m.setTotal,
    pairs: m.pairTreated ? { treated: m.pairTreated, control: m.pairControl! } : null,
    outsideFilterIds,
  };
}

/** A seeded cohort of 400 rows in two strata, 1 in 8 treated, with repeated scores (ties). */
function cohort() {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const n = 400;
  const treated = Array.from({ length: n }, () => (rand() < 0.125 ? 1 : 0));
  const score = treated.map((t) => Math.round((rand() * 4 - 2 + t * 0.8) * 20) / 20);
  const strata = Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0));
  return { score, treated, strata };
}

const cases: { name: string; facts: MatchFacts; match: (s: Float64Array, t: Uint8Array, st: Int32Array) => MatchResult }[] = [
  { name: 'radius', facts: { method: 'radius', caliper: 0.15, replace: true }, match: (s, t, st) => radiusMatch(s, t, st, { caliper: 0.15 }) },
  { name: 'kernel', facts: { method: 'kernel', caliper: 0.15, replace: true }, match: (s, t, st) => kernelMatch(s, t, st, { bandwidth: 0.15 }) },
  { name: 'nearest 2:1', facts: { method: 'nearest', caliper: 0.1, replace: false }, match: (s, t, st) => nearestMatch(s, t, st, { ratio: 2, replace: false, caliper: 0.1 }) },
  { name: 'nearest 3:1 with replacement', facts: { method: 'nearest', caliper: null, replace: true }, match: (s, t, st) => nearestMatch(s, t, st, { ratio: 3, replace: true, caliper: null }) },
];

describe('matched sets read back from a stored match', () => {
  for (const c of cases) {
    it(`${c.name}: the pair weights of every comparison record sum to its weight, from either side`, () => {
      const { score, treated, strata } = cohort();
      const m = c.match(Float64Array.from(score), Uint8Array.from(treated), Int32Array.from(strata));
      const index = buildMatchedSetIndex(stored(score, treated, strata, m), c.facts);
      const fromTreated = new Float64Array(score.length);
      let sets = 0;
      for (const { treated: i, member } of allPairs(index)) {
        expect(strata[member.row]).toBe(strata[i]);
        if (c.facts.caliper !== null) expect(member.distance).toBeLessThanOrEqual(c.facts.caliper);
        fromTreated[member.row] += member.pairWeight;
      }
      for (let i = 0; i < score.length; i++) {
        if (treated[i] === 1) {
          const set = comparisonSet(index, i, 5);
          expect(set.total > 0).toBe(m.weights[i] === 1);
          if (set.total > 0) sets++;
          // Closest first.
          for (let k = 1; k < set.members.length; k++) expect(set.members[k].distance).toBeGreaterThanOrEqual(set.members[k - 1].distance);
          continue;
        }
        expect(fromTreated[i]).toBeCloseTo(m.weights[i], 12);
        const served = treatedServed(index, i, Number.MAX_SAFE_INTEGER);
        expect(served.members.reduce((sum, x) => sum + x.pairWeight, 0)).toBeCloseTo(m.weights[i], 12);
        expect(served.total).toBe(served.members.length);
      }
      expect(sets).toBe(treated.filter((t) => t === 1).length - m.notMatched);
      expect(unmatchedTreated(index).length).toBe(m.notMatched);
    });
  }

  it('says why each treated record was not matched, with the distance to its stratum’s nearest pool record', () => {
    // Stratum 0: pool at 0.0 and 1.0; treated at 0.08 (highest score first: takes 0.0), 0.05 (0.0 taken; 1.0 is 0.95
    // away), 2.0 (nothing within 0.1). Stratum 1: a treated record and no pool at all.
    const score = [0.0, 1.0, 0.05, 0.08, 2.0, 0.5];
    const treated = [0, 0, 1, 1, 1, 1];
    const strata = [0, 0, 0, 0, 0, 1];
    const m = nearestMatch(Float64Array.from(score), Uint8Array.from(treated), Int32Array.from(strata), { ratio: 1, replace: false, caliper: 0.1 });
    const index = buildMatchedSetIndex(stored(score, treated, strata, m, ['r900']), { method: 'nearest', caliper: 0.1, replace: false });
    const unmatched = unmatchedTreated(index);
    expect(unmatched.map((u) => [u.recordId, u.reason])).toEqual([
      ['r002', 'taken'],
      ['r004', 'no_pool_in_caliper'],
      ['r005', 'empty_stratum'],
      ['r900', 'outside_filter'],
    ]);
    expect(unmatched[0].nearestDistance).toBeCloseTo(0.05, 15);
    expect(unmatched[1].nearestDistance).toBeCloseTo(1.0, 15);
    expect(unmatched[2].nearestDistance).toBeNull();
    // MatchIt's subclass: the one matched treated record (r003) is set 1, and so is the control it took.
    expect(Array.from(index.setNumber)).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('radius: a set is the caliper window, each pair weighing 1/|C(i)|', () => {
    const score = [0, 0.1, 0.25, 0.12, 0.5];
    const treated = [0, 0, 0, 1, 0];
    const strata = [0, 0, 0, 0, 0];
    const m = radiusMatch(Float64Array.from(score), Uint8Array.from(treated), Int32Array.from(strata), { caliper: 0.15 });
    const index = buildMatchedSetIndex(stored(score, treated, strata, m), { method: 'radius', caliper: 0.15, replace: true });
    const set = comparisonSet(index, 3, 10);
    // 0.12 reaches 0.1 (0.02 away), 0.25 (0.13) and 0 (0.12): closest first.
    expect(set.members.map((x) => x.row)).toEqual([1, 0, 2]);
    expect(set.members.map((x) => x.pairWeight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(comparisonSet(index, 3, 2)).toMatchObject({ total: 3, members: [{ row: 1 }, { row: 0 }] });
    expect(treatedServed(index, 4, 10)).toEqual({ total: 0, members: [] });
    expect(rowOfRecord(index, 'r003')).toBe(3);
    expect(rowOfRecord(index, 'r0035')).toBeUndefined();
  });
});
