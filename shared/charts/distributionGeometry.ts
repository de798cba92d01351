// One covariate's distribution before matching (all treated vs the pool) and after (matched treated vs the comparison
// group weighted by the matching weights), as the geometry of two charts that share one scale, so that before and
// after compare at a glance: cumulative shares (eCDF) for a numeric covariate, from the CDFs stored with the run
// (shared/engine/covariateDistribution.ts), and bars per level for a categorical one or a 0/1 covariate, from the
// balance table's shares. Nothing is recomputed from records.
import type { NumericDistribution } from '../engine/covariateDistribution';
import { formatFixed } from '../format/numberFormat';
import { niceAxis, scaleLinear, shortenLabel, type PlotFrame } from './chartScale';

export const DISTRIBUTION = { width: 360, left: 44, right: 12, top: 10, plotHeight: 130, bottom: 40, labelWidth: 118, barRow: 26, valueRoom: 42, maxLabel: 17 } as const;

export type Moment = 'before' | 'after';

/** The two groups each chart compares: the treated side and the pool or comparison side. */
export const DISTRIBUTION_GROUPS: Record<Moment, { treated: string; other: string }> = {
  before: { treated: 'all treated', other: 'pool' },
  after: { treated: 'matched treated', other: 'weighted comparison group' },
};

interface Tick {
  at: number;
  label: string;
}

export interface EcdfChart extends PlotFrame {
  moment: Moment;
  /** SVG paths of the step functions F(x) = share of the group at or below x. */
  treatedPath: string;
  otherPath: string;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Where the two curves are furthest apart on the stored grid (after matching only: the KS statistic's gap). */
  widestGap: { x: number; y0: number; y1: number; value: number } | null;
}

/** The eCDF charts of a numeric covariate (or the score), on one value axis. Null when no value was observed. */
export function ecdfGeometry(d: NumericDistribution): { before: EcdfChart; after: EcdfChart } | null {
  if (d.x.length === 0) return null;
  const D = DISTRIBUTION;
  const axis = niceAxis(d.x[0], d.x[d.x.length - 1], 5);
  const plotLeft = D.left;
  const plotRight = D.width - D.right;
  const plotTop = D.top;
  const plotBottom = D.top + D.plotHeight;
  const x = scaleLinear(axis.min, axis.max, plotLeft, plotRight);
  const y = scaleLinear(0, 1, plotBottom, plotTop);
  const xTicks = axis.ticks.map((t) => ({ at: x(t), label: formatFixed(t, axis.dp) }));
  const yTicks = [0, 0.5, 1].map((f) => ({ at: y(f), label: `${f * 100}%` }));
  const f1 = (v: number) => v.toFixed(1);
  // F is 0 left of the first value and jumps at each stored value to the share at or below it.
  const path = (F: number[]) => `M${f1(plotLeft)} ${f1(y(0))}${F.map((share, k) => `H${f1(x(d.x[k]))}V${f1(y(share))}`).join('')}H${f1(plotRight)}`;
  let widest: EcdfChart['widestGap'] = null;
  d.treated.forEach((t, k) => {
    const gap = Math.abs(t - d.comparison[k]);
    if (gap > 0 && (widest === null || gap > widest.value)) widest = { x: x(d.x[k]), y0: y(t), y1: y(d.comparison[k]), value: gap };
  });
  const frame: PlotFrame = { width: D.width, height: plotBottom + D.bottom, plotLeft, plotRight, plotTop, plotBottom };
  const chart = (moment: Moment, treated: number[], other: number[], widestGap: EcdfChart['widestGap']): EcdfChart => ({
    ...frame,
    moment,
    treatedPath: path(treated),
    otherPath: path(other),
    xTicks,
    yTicks,
    widestGap,
  });
  return { before: chart('before', d.allTreated, d.pool, null), after: chart('after', d.treated, d.comparison, widest) };
}

/** A level's share of each group (0..1); null when the group is empty (e.g. no treated person was matched). */
export interface LevelShares {
  label: string;
  selected: boolean;
  before: { treated: number | null; other: number | null };
  after: { treated: number | null; other: number | null };
}

export interface LevelBar {
  side: 'treated' | 'other';
  x: number;
  y: number;
  width: number;
  height: number;
  /** "22.1%", or "n/a" for an empty group. */
  value: string;
}

export interface LevelBarRow {
  label: string;
  /** The whole label and the figures, for a tooltip or a screen reader. */
  description: string;
  selected: boolean;
  top: number;
  bars: LevelBar[];
}

export interface LevelBarsChart extends PlotFrame {
  moment: Moment;
  rows: LevelBarRow[];
  xTicks: Tick[];
}

const percent = (share: number | null) => (share === null ? 'n/a' : `${formatFixed(share * 100, 1)}%`);

/** Bar charts of each level's share, before and after matching, on one % axis. */
export function levelBarsGeometry(levels: readonly LevelShares[]): { before: LevelBarsChart; after: LevelBarsChart } {
  const D = DISTRIBUTION;
  const shares = levels.flatMap((l) => [l.before.treated, l.before.other, l.after.treated, l.after.other]).filter((s): s is number => s !== null);
  const axis = niceAxis(0, Math.max(0.01, ...shares) * 100, 4);
  const plotLeft = D.labelWidth + 8;
  const plotRight = D.width - D.valueRoom;
  const plotTop = D.top;
  const plotBottom = D.top + D.barRow * levels.length;
  const x = scaleLinear(0, axis.max, plotLeft, plotRight);
  const xTicks = axis.ticks.map((t) => ({ at: x(t), label: `${formatFixed(t, axis.dp)}%` }));
  const frame: PlotFrame = { width: D.width, height: plotBottom + D.bottom, plotLeft, plotRight, plotTop, plotBottom };
  const chart = (moment: Moment): LevelBarsChart => ({
    ...frame,
    moment,
    xTicks,
    rows: levels.map((l, k) => {
      const top = plotTop + D.barRow * k;
      const s = l[moment];
      const bar = (side: LevelBar['side'], share: number | null, offset: number): LevelBar => ({
        side,
        x: plotLeft,
        y: top + offset,
        width: share === null ? 0 : x(share * 100) - plotLeft,
        height: 9,
        value: percent(share),
      });
      const groups = DISTRIBUTION_GROUPS[moment];
      return {
        label: shortenLabel(l.label, DISTRIBUTION.maxLabel),
        description: `${l.label}: ${groups.treated} ${percent(s.treated)}, ${groups.other} ${percent(s.other)}`,
        selected: l.selected,
        top,
        bars: [bar('treated', s.treated, 3), bar('other', s.other, 13)],
      };
    }),
  });
  return { before: chart('before'), after: chart('after') };
}
