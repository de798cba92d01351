// The geometry the app and the report both draw: the Love plot's order, axis and clipping; the score overlap's
// trimming of extreme pool scores (issue 11: the report's axis ran to -25 for a few pool records).
import { describe, expect, it } from 'vitest';
import type { BalanceRow } from '../engine/balance';
import type { ScoreHistogram } from '../engine/scoreHistogram';
import { lovePlotGeometry, LOVE } from './lovePlotGeometry';
import { scoreOverlapGeometry, scoreOverlapNote } from './scoreOverlapGeometry';

const row = (variable: string, smdBefore: number | null, smdAfter: number | null, band: BalanceRow['band'] = 'well'): BalanceRow => ({
  variable, level: null, treatedMean: 0, allTreatedMean: 0, poolMean: 0, comparisonMean: 0, smdBefore, smdAfter, band, varianceRatio: null,
});

describe('lovePlotGeometry', () => {
  const bands = { well: 5, reasonably: 10 };
  const g = lovePlotGeometry([row('a', 3, 1), row('b', -55.7, 12.6, 'poorly'), row('c', 150, -2), row('d', null, null, 'poorly')], bands);

  it('sorts rows by the size of the difference before matching, an undefined one last', () => {
    expect(g.rows.map((r) => r.key)).toEqual(['c|', 'b|', 'a|', 'd|']);
    expect(g.rows.map((r) => r.y)).toEqual([0, 1, 2, 3].map((k) => LOVE.top + LOVE.rowHeight * k + LOVE.rowHeight / 2));
  });

  it('runs a signed axis symmetric about 0 to at most 100%, marking a difference beyond it at the edge', () => {
    expect(g.ticks[0].label).toBe('-100');
    expect(g.ticks[g.ticks.length - 1].label).toBe('100');
    expect(g.zeroX).toBeCloseTo((g.plotLeft + g.plotRight) / 2, 9);
    const c = g.rows[0];
    expect([c.before, c.beforeClipped]).toEqual([g.plotRight, 1]);
    expect(c.afterClipped).toBe(0);
    // The well band spans +/-5% around 0, the reasonably band +/-10%.
    expect(g.well.x1 - g.zeroX).toBeCloseTo((g.plotRight - g.zeroX) * 0.05, 9);
    expect(g.reasonably.x1 - g.zeroX).toBeCloseTo((g.plotRight - g.zeroX) * 0.1, 9);
    expect(g.rows[1].description).toBe('b: before -55.7, after +12.6 (poorly matched)');
  });

  it('keeps the whole table’s axis when only some rows are shown, so that a filter moves no point', () => {
    const all = [row('a', 3, 1), row('b', -55.7, 12.6, 'poorly')];
    const own = lovePlotGeometry([all[0]], bands);
    const filtered = lovePlotGeometry([all[0]], bands, all);
    expect(own.ticks[own.ticks.length - 1].label).toBe('20');
    expect(filtered.ticks.map((t) => t.label)).toEqual(lovePlotGeometry(all, bands).ticks.map((t) => t.label));
    expect(filtered.rows[0].before).toBeCloseTo(lovePlotGeometry(all, bands).rows[1].before!, 9);
  });
});

describe('scoreOverlapGeometry', () => {
  /** 10 bins over -25 .. 0 (width 2.5): 3 pool records at -25 to -20, everyone else from -5 to 0. */
  const hist: ScoreHistogram = {
    edges: Array.from({ length: 11 }, (_, i) => -25 + 2.5 * i),
    treatedCount: [0, 0, 0, 0, 0, 0, 0, 0, 30, 40],
    poolCount: [2, 1, 0, 0, 0, 0, 0, 0, 500, 497],
    comparisonWeight: [0, 0, 0, 0, 0, 0, 0, 0, 30, 40],
    treatedShare: [0, 0, 0, 0, 0, 0, 0, 0, 3 / 7, 4 / 7],
    poolShare: [0.002, 0.001, 0, 0, 0, 0, 0, 0, 0.5, 0.497],
    comparisonShare: [0, 0, 0, 0, 0, 0, 0, 0, 3 / 7, 4 / 7],
  };

  it('trims the axis to where the groups are and says how many pool records it leaves out', () => {
    const g = scoreOverlapGeometry(hist)!;
    expect(g.bars).toHaveLength(2);
    expect(g.xTicks[0].label).toBe('-5');
    expect(g.xTicks[g.xTicks.length - 1].label).toBe('0');
    expect(g.poolLeftOut).toBe(3);
    expect(scoreOverlapNote(g)).toMatch(/ 3 pool records with scores beyond those of both groups are not drawn\.$/);
    // The bars fill the plot's width rather than its right fifth.
    expect(g.bars[0].x).toBeCloseTo(g.plotLeft, 9);
    expect(g.bars[1].x + g.bars[1].width).toBeGreaterThan(g.plotRight - 1);
    // Treated above the axis, comparison below, the taller of each at the axis's full half-height.
    expect(g.bars[1].treatedY).toBeLessThan(g.axisY);
    expect(g.bars[1].comparisonY).toBeGreaterThan(g.axisY);
  });
});
