// The overlap of the logit propensity score as geometry, drawn the same way by the app and the report: a mirrored
// histogram of shares (each group sums to 1, so groups of very different sizes share one axis), the matched treated
// above the axis, the weighted comparison group below with the whole pool's outline. The score axis is trimmed to
// the bins holding a treated person or comparison weight (overlapRange), so that a few pool records with extreme
// scores cannot squeeze every group into a sliver; how many pool records that leaves out is said.
import type { ScoreHistogram } from '../engine/scoreHistogram';
import { formatFixed } from '../format/numberFormat';
import { niceAxis, scaleLinear } from './chartScale';
import { overlapRange } from './overlapRange';

export const OVERLAP = { width: 640, height: 260, left: 56, right: 16, top: 14, bottom: 44 } as const;

export interface OverlapBar {
  x: number;
  width: number;
  /** Treated bar: from y up to the axis; comparison bar: from the axis down to y. */
  treatedY: number;
  comparisonY: number;
}

export interface ScoreOverlapGeometry {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  axisY: number;
  bars: OverlapBar[];
  /** SVG path of the whole pool's outline below the axis. */
  poolPath: string;
  xTicks: { x: number; label: string }[];
  /** Gridlines above and below the axis, labelled with the share they mark. */
  yTicks: { y: number; label: string }[];
  /** Pool records in the bins left out of the drawing. */
  poolLeftOut: number;
  axisTitle: string;
}

export function scoreOverlapGeometry(hist: ScoreHistogram): ScoreOverlapGeometry | null {
  if (hist.edges.length < 2) return null;
  const range = overlapRange(hist);
  const edges = hist.edges.slice(range.first, range.last + 2);
  const cut = (xs: number[]) => xs.slice(range.first, range.last + 1);
  const [treated, comparison, pool] = [cut(hist.treatedShare), cut(hist.comparisonShare), cut(hist.poolShare)];
  const xAxis = niceAxis(edges[0], edges[edges.length - 1], 6);
  const yAxis = niceAxis(0, Math.max(...treated, ...comparison, ...pool, 1e-9) * 100, 3);
  const plotLeft = OVERLAP.left;
  const plotRight = OVERLAP.width - OVERLAP.right;
  const x = scaleLinear(xAxis.min, xAxis.max, plotLeft, plotRight);
  const axisY = OVERLAP.top + (OVERLAP.height - OVERLAP.top - OVERLAP.bottom) / 2;
  const half = axisY - OVERLAP.top;
  const up = (share: number) => axisY - ((share * 100) / yAxis.max) * half;
  const down = (share: number) => axisY + ((share * 100) / yAxis.max) * half;
  const bars = treated.map((_, b): OverlapBar => {
    const x0 = x(edges[b]);
    return { x: x0, width: Math.max(0.5, x(edges[b + 1]) - x0 - 0.6), treatedY: up(treated[b]), comparisonY: down(comparison[b]) };
  });
  let poolPath = `M${x(edges[0]).toFixed(1)} ${axisY.toFixed(1)}`;
  pool.forEach((share, b) => (poolPath += `V${down(share).toFixed(1)}H${x(edges[b + 1]).toFixed(1)}`));
  poolPath += `V${axisY.toFixed(1)}`;
  const yTicks = yAxis.ticks.flatMap((t) => {
    const label = `${formatFixed(t, yAxis.dp)}%`;
    return t === 0 ? [{ y: axisY, label }] : [{ y: up(t / 100), label }, { y: down(t / 100), label }];
  });
  return {
    width: OVERLAP.width,
    height: OVERLAP.height,
    plotLeft,
    plotRight,
    axisY,
    bars,
    poolPath,
    xTicks: xAxis.ticks.map((t) => ({ x: x(t), label: formatFixed(t, xAxis.dp) })),
    yTicks,
    poolLeftOut: range.poolLeftOut,
    axisTitle: 'Propensity score (logit)',
  };
}

/** The sentence under the chart: what the bars are, and the pool records left out of the drawing. */
export function scoreOverlapNote(g: Pick<ScoreOverlapGeometry, 'poolLeftOut'>): string {
  const base = 'Each group’s share of its own total per score band: the matched treated above the axis, the weighted comparison group below, the whole pool as an outline.';
  if (g.poolLeftOut === 0) return base;
  const n = g.poolLeftOut;
  return `${base} ${formatFixed(n, 0)} pool ${n === 1 ? 'record' : 'records'} with scores beyond those of both groups ${n === 1 ? 'is' : 'are'} not drawn.`;
}
