// The specification curve's geometry on hand-made entries: ordered by estimate, the own one kept, an axis through 0
// with labels in the table's decimals, the choice rows, and each point said in the JDL formats (METHOD.md 8).
import { describe, expect, it } from 'vitest';
import type { MatchingSpec } from '../engine/analysisSpec';
import type { RobustnessEntry } from '../robustness/runRobustness';
import { pointText, specificationCurve } from './specificationCurveGeometry';

function entry(id: string, matching: MatchingSpec, difference: number, ci: [number, number], p: number, passes: boolean, own = false): RobustnessEntry {
  const m = { treatmentMean: 0.5 + difference, comparisonMean: 0.5, difference, ciLow: ci[0], ciHigh: ci[1], p, significant: p < 0.05, shown: true };
  return {
    id,
    covariateSet: 'Own',
    matching,
    label: `${matching.method} ${matching.caliper ?? 'none'}`,
    own,
    treatment: { n: 100, matched: 99, notMatched: 1 },
    comparison: { records: 1000, effectiveSize: 400 },
    gate: { passes, poorlyMatched: [], belowMinimumTreated: false },
    measures: { rate: m, frequency: m, daysToFirst: { ...m, shown: false } },
  };
}

const radius = (caliper: number): MatchingSpec => ({ method: 'radius', caliper, caliperUnit: 'sd' });
const nearest: MatchingSpec = { method: 'nearest', ratio: 1, replace: false, caliperUnit: 'sd' };
const entries = [
  entry('a', radius(0.1), -0.052, [-0.091, -0.0035], 0.0312, true, true),
  entry('b', radius(0.5), 0.021, [-0.02, 0.062], 0.31, true),
  entry('c', nearest, -0.12, [-0.2, -0.04], 0.0049, false),
];

describe('specificationCurve', () => {
  const layout = specificationCurve(entries, 'rate')!;

  it('orders the specifications by estimate, left to right, and marks the own one and the gate', () => {
    expect(layout.points.map((p) => p.id)).toEqual(['c', 'a', 'b']);
    expect(layout.points.map((p) => p.x)).toEqual([...layout.points.map((p) => p.x)].sort((x, y) => x - y));
    expect(layout.points.map((p) => [p.own, p.passes])).toEqual([[false, false], [true, true], [false, true]]);
    // Higher estimates sit higher (smaller y); the rate is drawn in percentage points.
    expect(layout.points[0].y).toBeGreaterThan(layout.points[2].y);
    expect(layout.points[1].value).toBeCloseTo(-5.2, 9);
  });

  it('draws an axis through 0 that covers every CI, labelled with the step’s decimals', () => {
    const values = layout.ticks.map((t) => t.value);
    expect(Math.min(...values)).toBeLessThanOrEqual(-20);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(6.2);
    expect(values).toContain(0);
    expect(layout.ticks.map((t) => t.label)).toEqual(values.map((v) => String(v)));
    expect(layout.zeroY).toBe(layout.ticks.find((t) => t.value === 0)!.y);
  });

  it('lists each choice once, in the grid’s order, with the specifications that made it', () => {
    const method = layout.choices.find((c) => c.group === 'Matching method')!;
    expect(method.rows.map((r) => [r.label, r.xs.length])).toEqual([['Radius', 2], ['Nearest 1:1 without replacement', 1]]);
    const caliper = layout.choices.find((c) => c.group === 'Caliper')!;
    expect(caliper.rows.map((r) => r.label)).toEqual(['0.1 SD', '0.5 SD', 'No caliper']);
  });

  it('says each point in the tables’ formats: whole percentage points, a bound with the decimals that show its sign, p against alpha', () => {
    expect(pointText('rate', layout.points[1], 0.05)).toBe(
      'Own; radius 0.1: -5 percentage points (95% CI -9 to -0.4, p 0.03), significant; passes the matching-quality gate (this analysis)',
    );
    expect(pointText('rate', layout.points[0], 0.05)).toBe('Own; nearest none: -12 percentage points (95% CI -20 to -4, p 0.005), significant; does not pass the matching-quality gate');
    // A p of 0.0496 is not printed as 0.05, the level it is judged at.
    expect(pointText('frequency', { ...layout.points[2], entry: entry('d', radius(0.2), 0.3, [0.001, 0.6], 0.0496, true) }, 0.05)).toMatch(/: \+0\.3 reoffences per person \(95% CI \+0\.001 to \+0\.6, p 0\.0496\), significant;/);
  });

  it('has no curve for a measure no specification shows', () => {
    expect(specificationCurve(entries, 'daysToFirst')).toBeNull();
  });
});
