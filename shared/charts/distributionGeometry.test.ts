import { describe, expect, it } from 'vitest';
import { DISTRIBUTION, ecdfGeometry, levelBarsGeometry } from './distributionGeometry';

describe('ecdfGeometry', () => {
  // Values 0, 5, 10: the axis runs 0..10, 2 units per tick, over x = 44..348.
  const d = { variable: 'x', x: [0, 5, 10], allTreated: [0.5, 0.5, 1], pool: [0.2, 0.6, 1], treated: [0.25, 0.75, 1], comparison: [0.25, 0.5, 1], ksAfter: 0.25 };
  const g = ecdfGeometry(d)!;

  it('draws F(x) as steps on one value axis shared by before and after', () => {
    expect(g.before.xTicks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(g.after.xTicks).toEqual(g.before.xTicks);
    // From F = 0 at the left edge, up to 0.25 at x = 0 (y = 140 - 0.25 x 130 = 107.5), across to 5 (x = 196) and up.
    expect(g.after.treatedPath).toBe('M44.0 140.0H44.0V107.5H196.0V42.5H348.0V10.0H348.0');
  });

  it('marks the widest gap after matching (the KS statistic at 5), and none before', () => {
    expect(g.after.widestGap).toEqual({ x: 196, y0: 42.5, y1: 75, value: 0.25 });
    expect(g.before.widestGap).toBeNull();
  });

  it('has nothing to draw when no value was observed', () => {
    expect(ecdfGeometry({ ...d, x: [], allTreated: [], pool: [], treated: [], comparison: [] })).toBeNull();
  });
});

describe('levelBarsGeometry', () => {
  const g = levelBarsGeometry([
    { label: 'London', selected: false, before: { treated: 0.3, other: 0.2 }, after: { treated: 0.25, other: null } },
    { label: 'A very long region name indeed', selected: true, before: { treated: 0.7, other: 0.8 }, after: { treated: 0.75, other: 0.76 } },
  ]);

  it('puts every share on one % axis up to the largest, with each bar labelled', () => {
    expect(g.before.xTicks.map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%']);
    const london = g.after.rows[0];
    expect(london.bars.map((b) => b.value)).toEqual(['25.0%', 'n/a']);
    expect(london.bars[1].width).toBe(0);
    // 80% reaches the right end of the plot.
    expect(g.before.rows[1].bars[1].x + g.before.rows[1].bars[1].width).toBeCloseTo(g.before.plotRight, 9);
    expect(g.before.rows[1]).toMatchObject({ label: 'A very long regi…', selected: true });
    expect(g.before.rows[1].description).toBe('A very long region name indeed: all treated 70.0%, pool 80.0%');
    expect(g.after.height).toBe(DISTRIBUTION.top + 2 * DISTRIBUTION.barRow + DISTRIBUTION.bottom);
  });
});
