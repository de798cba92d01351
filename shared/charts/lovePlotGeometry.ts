// The Love plot (each balance row's standardised difference before and after matching, with the bands shaded) as
// geometry, drawn the same way by the app (React SVG) and the report (SVG text): rows sorted by the size of the
// difference before matching, signed axis, differences beyond +/-100% drawn at the edge with a mark.
import type { Bands } from '../engine/analysisSpec';
import { balanceRowKey, type BalanceRow, type Band } from '../engine/balance';
import { formatFixed } from '../format/numberFormat';
import { balanceRowLabel, formatSmd } from '../wording/balanceLabels';
import { niceAxis, scaleLinear, shortenLabel, type PlotFrame } from './chartScale';

export const LOVE = { width: 660, labelWidth: 252, right: 18, top: 10, rowHeight: 16, bottom: 40, maxLabel: 34 } as const;

export interface LoveRow {
  key: string;
  label: string;
  /** Label, both differences and the band, for a tooltip or a screen reader. */
  description: string;
  y: number;
  band: Band;
  /** x of the difference before / after; null when it has no finite value. */
  before: number | null;
  after: number | null;
  /** -1 or 1 when the value lies beyond the axis (drawn at its edge), else 0. */
  beforeClipped: -1 | 0 | 1;
  afterClipped: -1 | 0 | 1;
}

export interface LovePlotGeometry extends PlotFrame {
  ticks: { x: number; label: string }[];
  zeroX: number;
  /** Shaded bands: |d| < well and |d| < reasonably. */
  well: { x0: number; x1: number };
  reasonably: { x0: number; x1: number };
  rows: LoveRow[];
  axisTitle: string;
}

/** Beyond 100% the detail near zero (where the bands are) is lost: the axis stops there. */
const LIMIT = 100;

/**
 * `axisRows` are the rows the axis is scaled to: the whole table when `balance` is a filtered selection of it, so
 * that filtering the rows shown never moves a point along the axis (an analyst compares the plot before and after).
 */
export function lovePlotGeometry(balance: readonly BalanceRow[], bands: Bands, axisRows: readonly BalanceRow[] = balance): LovePlotGeometry {
  const sorted = [...balance].sort((a, b) => Math.abs(b.smdBefore ?? -1) - Math.abs(a.smdBefore ?? -1));
  const values = axisRows.flatMap((r) => [r.smdBefore, r.smdAfter]).filter((x): x is number => x !== null).map(Math.abs);
  const extent = Math.min(LIMIT, Math.max(bands.reasonably * 2, ...values));
  const axis = niceAxis(-extent, extent, 8);
  const plotLeft = LOVE.labelWidth;
  const plotRight = LOVE.width - LOVE.right;
  const x = scaleLinear(axis.min, axis.max, plotLeft, plotRight);
  const place = (v: number | null): { at: number | null; clipped: -1 | 0 | 1 } => {
    if (v === null) return { at: null, clipped: 0 };
    const clipped = v > axis.max ? 1 : v < axis.min ? -1 : 0;
    return { at: x(Math.max(axis.min, Math.min(axis.max, v))), clipped };
  };
  const rows = sorted.map((r, k): LoveRow => {
    const before = place(r.smdBefore);
    const after = place(r.smdAfter);
    const label = balanceRowLabel(r);
    return {
      key: balanceRowKey(r),
      label: shortenLabel(label, LOVE.maxLabel),
      description: `${label}: before ${formatSmd(r.smdBefore)}, after ${formatSmd(r.smdAfter)} (${r.band} matched)`,
      y: LOVE.top + LOVE.rowHeight * k + LOVE.rowHeight / 2,
      band: r.band,
      before: before.at,
      after: after.at,
      beforeClipped: before.clipped,
      afterClipped: after.clipped,
    };
  });
  const plotBottom = LOVE.top + LOVE.rowHeight * rows.length;
  return {
    width: LOVE.width,
    height: plotBottom + LOVE.bottom,
    plotLeft,
    plotRight,
    plotTop: LOVE.top,
    plotBottom,
    ticks: axis.ticks.map((t) => ({ x: x(t), label: formatFixed(t, axis.dp) })),
    zeroX: x(0),
    well: { x0: x(-bands.well), x1: x(bands.well) },
    reasonably: { x0: x(-bands.reasonably), x1: x(bands.reasonably) },
    rows,
    axisTitle: 'Standardised difference (%): treated minus comparison',
  };
}
