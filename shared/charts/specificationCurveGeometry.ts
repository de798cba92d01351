// The specification curve of a robustness check (METHOD.md section 12) as geometry, drawn by the app (React) and
// by the report and the CLI (SVG text) alike: every specification's estimate of one headline measure with its CI,
// ordered by estimate, marked by whether it passes the matching-quality gate, the analysis's own one highlighted;
// below it, which choices (method, caliper, covariates) each specification made and whether its result is significant.
import type { MatchingSpec } from '../engine/analysisSpec';
import type { HeadlineMeasure } from '../wording/headlineMeasure';
import { niceAxis } from './chartScale';
import { formatCi, formatDifference, formatFixed, formatP } from '../format/numberFormat';
import type { RobustnessEntry } from '../robustness/runRobustness';

export interface CurvePoint {
  id: string;
  x: number;
  y: number;
  /** Pixel ends of the CI; null without one. */
  yLow: number | null;
  yHigh: number | null;
  passes: boolean;
  own: boolean;
  significant: boolean;
  entry: RobustnessEntry;
  /** The estimate and CI bounds in the units shown (percentage points for the rate). */
  value: number;
  low: number | null;
  high: number | null;
}

export interface ChoiceRow {
  label: string;
  y: number;
  /** x of every specification that made this choice. */
  xs: number[];
}

export interface CurveLayout {
  measure: HeadlineMeasure;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: { value: number; y: number; label: string }[];
  zeroY: number;
  axisTitle: string;
  points: CurvePoint[];
  choices: { group: string; top: number; rows: ChoiceRow[] }[];
}

/** Narrowest drawing: a short grid's points spread out rather than leave the legend no room. */
const MIN_WIDTH = 720;
const MIN_STEP = 15;
const LEFT = 190;
const RIGHT = 14;
const TOP = 14;
const PLOT_H = 200;
const ROW_H = 13;
const GROUP_GAP = 20;

/** Each headline measure's curve: its title, the scale of the values drawn, the axis title, the unit of a difference. */
export const CURVE_MEASURES: Record<HeadlineMeasure, { title: string; scale: number; axisTitle: string; unit: string }> = {
  rate: { title: 'One-year proven reoffending rate', scale: 100, axisTitle: 'Difference in reoffending rate (% points)', unit: 'percentage points' },
  frequency: { title: 'One-year proven reoffending frequency', scale: 1, axisTitle: 'Difference in reoffences per person', unit: 'reoffences per person' },
  daysToFirst: { title: 'Time to first proven reoffence', scale: 1, axisTitle: 'Difference in days to first reoffence', unit: 'days' },
};

/**
 * What one specification found, in the JDL table formats (METHOD.md 8: the rate's difference in whole percentage
 * points, a bound given the decimals that show its sign, p never rounded onto or across alpha), e.g. "The
 * analysis’s own covariates; Radius, caliper 0.1 SD: -5 percentage points (95% CI -9 to -0.4, p 0.03),
 * significant; passes the matching-quality gate (this analysis)".
 */
export function pointText(measure: HeadlineMeasure, p: CurvePoint, alpha: number): string {
  const m = p.entry.measures[measure];
  const ci = m.ciLow === null || m.ciHigh === null ? 'no CI' : `95% CI ${formatCi(m.ciLow, m.ciHigh, measure)}`;
  const verdict = p.passes ? 'passes the matching-quality gate' : 'does not pass the matching-quality gate';
  return `${p.entry.covariateSet}; ${p.entry.label}: ${formatDifference(m.difference, measure)} ${CURVE_MEASURES[measure].unit} (${ci}, p ${formatP(m.p, alpha)}), ${m.significant ? 'significant' : 'not significant'}; ${verdict}${p.own ? ' (this analysis)' : ''}`;
}

function methodChoice(m: MatchingSpec): string {
  if (m.method === 'radius') return 'Radius';
  if (m.method === 'kernel') return 'Kernel';
  return `Nearest 1:${m.ratio} ${m.replace ? 'with' : 'without'} replacement`;
}

function caliperChoice(m: MatchingSpec): string {
  if (m.caliper === undefined) return 'No caliper';
  return `${m.caliper} ${m.caliperUnit === 'sd' ? 'SD' : 'logit'}`;
}

/** Choices in the order they first occur over the grid's own order (entries as run), so rows read as the grid. */
function choiceRows(entries: RobustnessEntry[], choice: (e: RobustnessEntry) => string, xOf: Map<string, number>, top: number): ChoiceRow[] {
  const labels = [...new Set(entries.map(choice))];
  return labels.map((label, k) => ({
    label,
    y: top + ROW_H * k + ROW_H / 2,
    xs: entries.filter((e) => choice(e) === label && xOf.has(e.id)).map((e) => xOf.get(e.id)!),
  }));
}

/** Null when no specification has an estimate of the measure. */
export function specificationCurve(entries: RobustnessEntry[], measure: HeadlineMeasure): CurveLayout | null {
  const { scale, axisTitle } = CURVE_MEASURES[measure];
  const shown = entries.filter((e) => e.measures[measure].shown && e.measures[measure].difference !== null);
  if (shown.length === 0) return null;
  // Ordered by estimate; equal estimates keep the grid's order (entries come in it), so the curve is deterministic.
  const ordered = shown
    .map((e, k) => ({ e, k, d: e.measures[measure].difference! }))
    .sort((a, b) => a.d - b.d || a.k - b.k)
    .map((o) => o.e);
  const values = ordered.flatMap((e) => {
    const m = e.measures[measure];
    return [m.difference!, m.ciLow, m.ciHigh].filter((v): v is number => v !== null).map((v) => v * scale);
  });
  const axis = niceAxis(Math.min(0, ...values), Math.max(0, ...values), 6);
  const lo = axis.min, hi = axis.max;
  const step = Math.max(MIN_STEP, (MIN_WIDTH - LEFT - RIGHT) / ordered.length);
  const plotRight = LEFT + step * ordered.length;
  const y = (v: number) => TOP + PLOT_H - ((v - lo) / (hi - lo)) * PLOT_H;
  const xOf = new Map(ordered.map((e, k) => [e.id, LEFT + step * (k + 0.5)]));
  const points = ordered.map((e): CurvePoint => {
    const m = e.measures[measure];
    const value = m.difference! * scale;
    const low = m.ciLow === null ? null : m.ciLow * scale;
    const high = m.ciHigh === null ? null : m.ciHigh * scale;
    return {
      id: e.id,
      x: xOf.get(e.id)!,
      y: y(value),
      yLow: low === null ? null : y(low),
      yHigh: high === null ? null : y(high),
      passes: e.gate.passes,
      own: e.own,
      significant: m.significant,
      entry: e,
      value,
      low,
      high,
    };
  });
  let top = TOP + PLOT_H + 48;
  const groups: [string, (e: RobustnessEntry) => string][] = [
    ['Matching method', (e) => methodChoice(e.matching)],
    ['Caliper', (e) => caliperChoice(e.matching)],
    ['Covariates', (e) => e.covariateSet],
    ['Result', (e) => (e.measures[measure].significant ? 'Statistically significant' : 'Not significant')],
  ];
  const choices = groups.map(([group, choice]) => {
    const rows = choiceRows(entries, choice, xOf, top);
    const block = { group, top, rows };
    top += ROW_H * rows.length + GROUP_GAP;
    return block;
  });
  return {
    measure,
    width: plotRight + RIGHT,
    height: top,
    plot: { left: LEFT, right: plotRight, top: TOP, bottom: TOP + PLOT_H },
    ticks: axis.ticks.map((value) => ({ value, y: y(value), label: formatFixed(value, axis.dp) })),
    zeroY: y(0),
    axisTitle,
    points,
    choices,
  };
}
