import { describe, expect, it } from 'vitest';
import type { RecordOutcomes } from '../cohort/recordOutcomes';
import { computeOutcomes, type OutcomeInput } from './computeOutcomes';

// Six matched treated records, then six pool records (one with weight 0). Columns: reoffended, count,
// daysToFirst, firstCourtOutcome (0 indictable, 1 either way, 2 summary), firstCustodial,
// countByCourt (indictable, either way, summary), custodialCount.
type Row = [number, number, number, number, number, [number, number, number], number];
const rows: Row[] = [
  [1, 3, 10, 1, 1, [0, 2, 1], 2],
  [1, 1, 200, 2, 0, [0, 0, 1], 0],
  [0, 0, NaN, -1, 0, [0, 0, 0], 0],
  [1, 2, 50, 0, 1, [1, 1, 0], 1],
  [0, 0, NaN, -1, 0, [0, 0, 0], 0],
  [1, 5, 120, 1, 0, [0, 3, 2], 1],
  [1, 2, 30, 1, 0, [0, 1, 1], 0],
  [0, 0, NaN, -1, 0, [0, 0, 0], 0],
  [1, 9, 5, 0, 1, [9, 0, 0], 9],
  [1, 1, 300, 2, 0, [0, 0, 1], 0],
  [0, 0, NaN, -1, 0, [0, 0, 0], 0],
  [1, 4, 90, 1, 1, [0, 4, 0], 2],
];
const treatedFlags = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
// Treated rows carry a weight of 1, as a matcher may write them: it must be ignored.
const weightValues = [1, 1, 1, 1, 1, 1, 1.5, 0.5, 0, 2, 1, 1];

function inputInOrder(order: number[]): OutcomeInput {
  const pick = (f: (r: Row) => number) => order.map((i) => f(rows[i]));
  const outcomes: RecordOutcomes = {
    reoffended: Uint8Array.from(pick((r) => r[0])),
    count: Int32Array.from(pick((r) => r[1])),
    daysToFirst: Float64Array.from(pick((r) => r[2])),
    firstCourtOutcome: Int8Array.from(pick((r) => r[3])),
    firstCustodial: Uint8Array.from(pick((r) => r[4])),
    countByCourt: [Int32Array.from(pick((r) => r[5][0])), Int32Array.from(pick((r) => r[5][1])), Int32Array.from(pick((r) => r[5][2]))],
    custodialCount: Int32Array.from(pick((r) => r[6])),
  };
  return { outcomes, treated: Uint8Array.from(order.map((i) => treatedFlags[i])), weights: Float64Array.from(order.map((i) => weightValues[i])) };
}

const settings = { alpha: 0.05, power: 0.95 };
const natural = rows.map((_, i) => i);
const result = computeOutcomes(inputInOrder(natural), settings);

// Expected values from an independent R implementation (weighted.mean, the METHOD.md variance, qt, pt),
// run on the same rows: see the figures quoted per measure.
describe('computeOutcomes', () => {
  it('computes the rate over everyone, counting only records with w > 0', () => {
    // R: y_T 0.6667, y_C 0.75, n_eff 4.23529, CI [-0.833432, 0.666765], p 0.801720, half-widths 0.541926 / 0.735557, n 498.997 -> 499.
    const r = result.rate;
    expect(r.nTreatment).toBe(6);
    expect(r.nComparison).toBe(5);
    expect(r.effectiveSize).toBeCloseTo(36 / 8.5, 12);
    expect(r.treatmentMean).toBeCloseTo(4 / 6, 12);
    expect(r.comparisonMean).toBeCloseTo(0.75, 12);
    expect(r.ciLow).toBeCloseTo(-0.83343189138, 8);
    expect(r.ciHigh).toBeCloseTo(0.66676522471, 8);
    expect(r.p).toBeCloseTo(0.80171953343, 8);
    expect(r.treatmentHalfWidth).toBeCloseTo(0.54192623416, 8);
    expect(r.comparisonHalfWidth).toBeCloseTo(0.73555740592, 8);
    expect(r.numberNeeded).toBe(499);
    expect(r.events).toBe(4);
    expect(r.significant).toBe(false);
    expect(r.shown).toBe(true);
  });

  it('computes the frequency', () => {
    // R: 1.8333 vs 1.5, CI [-2.155853, 2.822519], p 0.765633.
    expect(result.frequency.ciLow).toBeCloseTo(-2.1558525359, 8);
    expect(result.frequency.ciHigh).toBeCloseTo(2.8225192025, 8);
    expect(result.frequency.p).toBeCloseTo(0.7656332163, 8);
    expect(result.frequency.events).toBe(11);
  });

  it('uses the comparison reoffenders, reweighted, for reoffenders-only measures', () => {
    // R on reoffenders: days 95 vs 163.333, n_eff 2.79310, CI [-428.7226, 292.0559], p 0.557806.
    const d = result.daysToFirst;
    expect(d.nTreatment).toBe(4);
    expect(d.nComparison).toBe(3);
    expect(d.effectiveSize).toBeCloseTo(2.7931034483, 9);
    expect(d.comparisonMean).toBeCloseTo(163.3333333333, 9);
    expect(d.ciLow).toBeCloseTo(-428.722598765, 6);
    expect(d.p).toBeCloseTo(0.5578060724, 8);
    expect(d.events).toBe(4); // one first reoffence per treated reoffender
    // Either way first reoffence: 0.5 vs 0.5556, p 0.911930; either way count: p 0.847593; custodial count: p 0.504293.
    expect(result.courtOutcomeRate.either_way.comparisonMean).toBeCloseTo(5 / 9, 12);
    expect(result.courtOutcomeRate.either_way.p).toBeCloseTo(0.91193025648, 8);
    expect(result.courtOutcomeFrequency.either_way.p).toBeCloseTo(0.847593044, 8);
    expect(result.courtOutcomeFrequency.either_way.events).toBe(6);
    expect(result.custodialFrequency.ciHigh).toBeCloseTo(2.8004119965, 8);
    expect(result.custodialFrequency.p).toBeCloseTo(0.5042925847, 8);
  });

  it('applies the gates: only 4 treated reoffenders hides every reoffenders-only measure', () => {
    expect(result.daysToFirst.shown).toBe(false);
    expect(result.daysToFirst.hiddenReason).toMatch(/^Time to first reoffence was left out because of low numbers: the treatment group has 4 reoffenders/);
    expect(result.courtOutcomeFrequency.summary.shown).toBe(false);
    expect(result.custodialRate.shown).toBe(false);
  });

  it('is byte-identical whatever the row order', () => {
    const reversed = computeOutcomes(inputInOrder([...natural].reverse()), settings);
    const shuffled = computeOutcomes(inputInOrder([7, 2, 11, 0, 9, 4, 1, 10, 3, 6, 8, 5]), settings);
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(result));
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(result));
  });

  it('holds no NaN, so results.json keeps every number', () => {
    // An empty population must give nulls, not NaN (which JSON.stringify would silently turn into null).
    const noReoffenders = inputInOrder(natural);
    noReoffenders.outcomes.reoffended.fill(0);
    const out = computeOutcomes(noReoffenders, settings);
    expect(out.daysToFirst.treatmentMean).toBeNull();
    expect(out.daysToFirst.unavailableReason).toBe('Nobody in the treatment group is in this measure’s population.');
    const nanPaths: string[] = [];
    const walk = (x: unknown, path: string): void => {
      if (typeof x === 'number' && Number.isNaN(x)) nanPaths.push(path);
      else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
    };
    walk(out, 'outcomes');
    expect(nanPaths).toEqual([]);
  });
});
