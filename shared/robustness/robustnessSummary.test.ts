// The summary's counts on hand-made entries: direction, gate, significance.
import { describe, expect, it } from 'vitest';
import type { RobustnessEntry, RobustnessEstimate } from './runRobustness';
import { summariseRobustness } from './robustnessSummary';

function entry(difference: number | null, significant: boolean, passes: boolean, own = false, shown = true): RobustnessEntry {
  const m: RobustnessEstimate = { treatmentMean: 0.5, comparisonMean: 0.5, difference, ciLow: null, ciHigh: null, p: null, significant, shown };
  return {
    id: String(Math.random()),
    covariateSet: 'own',
    matching: { method: 'radius', caliper: 0.2, caliperUnit: 'sd' },
    label: 'x',
    own,
    treatment: { n: 100, matched: 100, notMatched: 0 },
    comparison: { records: 1000, effectiveSize: 500 },
    gate: { passes, poorlyMatched: [], belowMinimumTreated: false },
    measures: { rate: m, frequency: m, daysToFirst: { ...m, shown } },
  };
}

describe('summariseRobustness', () => {
  it('counts, among the specifications that pass the gate, those in the own direction and the significant ones', () => {
    const entries = [
      entry(-0.05, true, true, true), // own: lower, significant, passes
      entry(-0.03, false, true), // same direction, not significant
      entry(-0.08, true, true), // same direction, significant
      entry(0.01, false, true), // other direction
      entry(0.06, true, true), // other direction, significant
      entry(-0.2, true, false), // fails the gate: not counted
      entry(null, false, true), // no estimate
    ];
    expect(summariseRobustness(entries, 'rate')).toEqual({ direction: -1, specifications: 6, passing: 5, holding: 3, significant: 2, significantOpposite: 1 });
  });

  it('is null when the own specification has no shown estimate; hidden measures are left out of the counts', () => {
    expect(summariseRobustness([entry(-0.05, true, true, true, false), entry(-0.03, false, true)], 'daysToFirst')).toBeNull();
    expect(summariseRobustness([entry(0.05, true, true, true), entry(0.03, true, true, false, false)], 'daysToFirst')).toMatchObject({ specifications: 1, passing: 1, holding: 1 });
    expect(summariseRobustness([entry(-0.05, true, true)], 'rate')).toBeNull();
  });
});
