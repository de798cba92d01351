import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/reference/syntheticCohort';
import { nearestMatch } from './nearestMatch';

/**
 * The rule of METHOD.md section 3.2 written out directly, O(n^2): the reference the fast version must equal. Every
 * unit sits in one order by (score, row); a treated unit's candidates are the nearest available control before it
 * and the nearest after it in that order; the nearer wins, the one before it on equal distance (MatchIt 4.5.4).
 */
function directNearest(score: Float64Array, treated: Uint8Array, strata: Int32Array, ratio: number, replace: boolean, caliper: number | null): [number, number][] {
  const n = score.length;
  const turns = [...Array(n).keys()].filter((i) => treated[i] === 1).sort((a, b) => score[b] - score[a] || a - b);
  const before = (j: number, i: number) => score[j] < score[i] || (score[j] === score[i] && j < i);
  const taken = new Set<number>();
  const pairs: [number, number][] = [];
  /** The control i takes next, skipping `exclude`; null when none is within the caliper. */
  const pick = (i: number, exclude: Set<number>): number | null => {
    let left: number | null = null;
    let right: number | null = null;
    for (let j = 0; j < n; j++) {
      if (treated[j] === 1 || strata[j] !== strata[i] || exclude.has(j)) continue;
      if (before(j, i)) {
        if (left === null || before(left, j)) left = j;
      } else if (right === null || before(j, right)) right = j;
    }
    const dLeft = left === null ? Infinity : score[i] - score[left];
    const dRight = right === null ? Infinity : score[right] - score[i];
    const chosen = dLeft <= dRight ? left : right;
    const distance = Math.min(dLeft, dRight);
    return chosen === null || (caliper !== null && distance > caliper) ? null : chosen;
  };
  const own = new Map(turns.map((i) => [i, new Set<number>()]));
  const active = new Set(turns);
  for (let round = 0; round < ratio; round++) {
    for (const i of turns) {
      if (!active.has(i)) continue;
      const j = pick(i, replace ? own.get(i)! : taken);
      if (j === null) active.delete(i);
      else {
        taken.add(j);
        own.get(i)!.add(j);
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
    // Rows: 0 T 0.875, 1 T 0.5, 2 C 0.75, 3 C 0.25, 4 C 0.75, 5 C 1 (one stratum). In (score, row) order:
    // 3 C 0.25 | 1 T 0.5 | 2 C 0.75 | 4 C 0.75 | 0 T 0.875 | 5 C 1. Turns: row 0, then row 1.
    // Row 0: left neighbour row 4 and right neighbour row 5 are both 0.125 away -> the left one: row 4 (not row 2,
    // which has the same score but is not next to row 0). Row 1: row 3 (left) and row 2 (right) are 0.25 away -> row 3.
    const score = Float64Array.from([0.875, 0.5, 0.75, 0.25, 0.75, 1]);
    const treated = Uint8Array.from([1, 1, 0, 0, 0, 0]);
    const strata = new Int32Array(6);
    const r = nearestMatch(score, treated, strata, { ratio: 1, replace: false, caliper: null });
    expect(Array.from(r.pairTreated)).toEqual([0, 1]);
    expect(Array.from(r.pairControl)).toEqual([4, 3]);
    expect(Array.from(r.weights)).toEqual([1, 1, 0, 1, 1, 0]);
    // k = 2 in rounds: round 2: row 0 -> row 2 (left, 0.125, beats row 5 on the tie), row 1 -> row 5 (0.5).
    const r2 = nearestMatch(score, treated, strata, { ratio: 2, replace: false, caliper: null });
    expect(Array.from(r2.pairControl)).toEqual([4, 3, 2, 5]);
    expect(Array.from(r2.weights)).toEqual([1, 1, 0.5, 0.5, 0.5, 0.5]);
    // Caliper 0.3: row 1's second control (row 5, 0.5 away) is refused: k_1 = 1, so row 3 weighs 1.
    const r3 = nearestMatch(score, treated, strata, { ratio: 2, replace: false, caliper: 0.3 });
    expect(Array.from(r3.weights)).toEqual([1, 1, 0.5, 1, 0.5, 0]);
  });

  it('on scores forced to ties takes the control next to the treated unit in (score, record_id) order, as MatchIt 4.5.4', () => {
    // Every score equal: the order is the row order 0 C, 1 C, 2 T, 3 C, 4 T, 5 C. Turns: rows 2 then 4 (record_id).
    // Row 2: left neighbour row 1 (distance 0) beats right neighbour row 3 (distance 0, the left wins) -> row 1, not
    // row 0 (the lowest record_id of the tie). Row 4: row 3 (left) -> row 3.
    const score = new Float64Array(6).fill(-1.25);
    const treated = Uint8Array.from([0, 0, 1, 0, 1, 0]);
    const strata = new Int32Array(6);
    const noReplace = nearestMatch(score, treated, strata, { ratio: 1, replace: false, caliper: null });
    expect(Array.from(noReplace.pairTreated)).toEqual([2, 4]);
    expect(Array.from(noReplace.pairControl)).toEqual([1, 3]);
    // 2:1 without replacement (the case of issue 11): round 2 gives row 2 the next left (row 0), row 4 the right (5).
    const two = nearestMatch(score, treated, strata, { ratio: 2, replace: false, caliper: null });
    expect(Array.from(two.pairControl)).toEqual([1, 3, 0, 5]);
    // With replacement both take their own left neighbours first: row 2 -> 1 then 0; row 4 -> 3 then 1.
    const replace = nearestMatch(score, treated, strata, { ratio: 2, replace: true, caliper: 0 });
    expect(Array.from(replace.pairTreated)).toEqual([2, 2, 4, 4]);
    expect(Array.from(replace.pairControl)).toEqual([1, 0, 3, 1]);
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
