import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/reference/syntheticCohort';
import { nearestMatch } from './nearestMatch';

/** The rule of METHOD.md section 3.2 written out directly, O(n^2): the reference the fast version must equal. */
function directNearest(score: Float64Array, treated: Uint8Array, strata: Int32Array, ratio: number, replace: boolean, caliper: number | null): [number, number][] {
  const n = score.length;
  const turns = [...Array(n).keys()].filter((i) => treated[i] === 1).sort((a, b) => score[b] - score[a] || a - b);
  const taken = new Set<number>();
  const pairs: [number, number][] = [];
  const candidatesFor = (i: number, exclude: Set<number>): number[] =>
    [...Array(n).keys()]
      .filter((j) => treated[j] === 0 && strata[j] === strata[i] && !exclude.has(j))
      .filter((j) => caliper === null || Math.abs(score[i] - score[j]) <= caliper)
      .sort((a, b) => Math.abs(score[i] - score[a]) - Math.abs(score[i] - score[b]) || score[a] - score[b] || a - b);
  if (replace) {
    for (const i of turns) for (const j of candidatesFor(i, new Set()).slice(0, ratio)) pairs.push([i, j]);
    return pairs;
  }
  const active = new Set(turns);
  for (let round = 0; round < ratio; round++) {
    for (const i of turns) {
      if (!active.has(i)) continue;
      const [j] = candidatesFor(i, taken);
      if (j === undefined) active.delete(i);
      else {
        taken.add(j);
        pairs.push([i, j]);
      }
    }
  }
  return pairs;
}

function directWeights(n: number, pairs: [number, number][]): number[] {
  const got = new Array<number>(n).fill(0);
  for (const [i] of pairs) got[i]++;
  const w = new Array<number>(n).fill(0);
  for (const [i, j] of pairs) {
    w[j] += 1 / got[i];
    w[i] = 1;
  }
  return w;
}

/** Scores on a coarse grid (multiples of 1/8) so that ties of score and of distance are frequent and exact. */
function tiedData(seed: number, n: number, nStrata: number) {
  const random = seededRandom(seed);
  const score = Float64Array.from({ length: n }, () => Math.floor(random() * 24) / 8 - 1.5);
  const treated = Uint8Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
  const strata = Int32Array.from({ length: n }, () => Math.floor(random() * nStrata));
  return { score, treated, strata };
}

describe('nearestMatch', () => {
  it('matches the worked example by hand', () => {
    // Rows: 0 T 0.875, 1 T 0.5, 2 C 0.75, 3 C 0.25, 4 C 0.75, 5 C 1 (one stratum). Turns: row 0, then row 1.
    // Row 0: rows 2, 4, 5 all 0.125 away -> lower score (0.75) -> lower record id: row 2.
    // Row 1: rows 3 and 4 are 0.25 away -> lower score: row 3.
    const score = Float64Array.from([0.875, 0.5, 0.75, 0.25, 0.75, 1]);
    const treated = Uint8Array.from([1, 1, 0, 0, 0, 0]);
    const strata = new Int32Array(6);
    const r = nearestMatch(score, treated, strata, { ratio: 1, replace: false, caliper: null });
    expect(Array.from(r.pairTreated)).toEqual([0, 1]);
    expect(Array.from(r.pairControl)).toEqual([2, 3]);
    expect(Array.from(r.weights)).toEqual([1, 1, 1, 1, 0, 0]);
    // k = 2 in rounds: round 1 as above; round 2: row 0 -> row 4 (0.125, lower score than row 5), row 1 -> row 5.
    const r2 = nearestMatch(score, treated, strata, { ratio: 2, replace: false, caliper: null });
    expect(Array.from(r2.pairControl)).toEqual([2, 3, 4, 5]);
    expect(Array.from(r2.weights)).toEqual([1, 1, 0.5, 0.5, 0.5, 0.5]);
    // Caliper 0.3: row 1's second control (row 5, 0.5 away) is refused: k_1 = 1, so row 3 weighs 1.
    const r3 = nearestMatch(score, treated, strata, { ratio: 2, replace: false, caliper: 0.3 });
    expect(Array.from(r3.weights)).toEqual([1, 1, 0.5, 1, 0.5, 0]);
  });

  for (const ratio of [1, 3]) {
    for (const replace of [false, true]) {
      for (const caliper of [null, 0.2]) {
        it(`equals the direct implementation: k = ${ratio}, ${replace ? 'with' : 'without'} replacement, ${caliper === null ? 'no caliper' : 'caliper ' + caliper}, with ties`, () => {
          for (const seed of [1, 2, 3]) {
            const { score, treated, strata } = tiedData(seed, 400, 3);
            const fast = nearestMatch(score, treated, strata, { ratio, replace, caliper });
            const pairs = directNearest(score, treated, strata, ratio, replace, caliper);
            const sortPairs = (p: [number, number][]) => [...p].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            const fastPairs = Array.from(fast.pairTreated, (i, q): [number, number] => [i, fast.pairControl[q]]);
            if (replace) expect(sortPairs(fastPairs)).toEqual(sortPairs(pairs));
            else expect(fastPairs).toEqual(pairs);
            expect(Array.from(fast.weights)).toEqual(directWeights(score.length, pairs));
            const matched = new Set(pairs.map(([i]) => i));
            expect(fast.notMatched).toBe([...treated].filter((t, i) => t === 1 && !matched.has(i)).length);
          }
        });
      }
    }
  }
});
