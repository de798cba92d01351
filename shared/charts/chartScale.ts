// Linear axes for the hand-written SVG charts: "nice" tick steps (1, 2 or 5 x 10^k) and the matching
// number of decimals for their labels.

export interface Axis {
  min: number;
  max: number;
  ticks: number[];
  /** Decimals that show every tick exactly. */
  dp: number;
}

/** The smallest 1/2/5 x 10^k step that cuts `span` into at most `maxTicks` intervals. */
export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0)) return 1;
  const raw = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-12));
  return step ?? 10 * power;
}

/** An axis covering [lo, hi], its ends widened to whole steps. */
export function niceAxis(lo: number, hi: number, maxTicks = 5): Axis {
  if (!(hi > lo)) hi = lo + 1;
  const step = niceStep(hi - lo, maxTicks);
  const clean = (x: number) => Number(x.toPrecision(12));
  const min = clean(Math.floor(lo / step + 1e-9) * step);
  const max = clean(Math.ceil(hi / step - 1e-9) * step);
  const ticks: number[] = [];
  // Ticks are built from integers times the step so 0.1 + 0.2 noise never reaches a label.
  for (let k = Math.round(min / step); k <= Math.round(max / step); k++) ticks.push(clean(k * step));
  const dp = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return { min, max, ticks, dp };
}

/** Maps a value of [min, max] onto pixels [from, to]. */
export function scaleLinear(min: number, max: number, from: number, to: number): (x: number) => number {
  const k = max > min ? (to - from) / (max - min) : 0;
  return (x) => from + (x - min) * k;
}

/** A chart label cut to `max` characters, an ellipsis marking the cut (the whole text goes in the tooltip). */
export function shortenLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A chart's size and the box its data are drawn in (the rest holds labels and axes). */
export interface PlotFrame {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
}
