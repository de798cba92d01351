// Axis ticks for the report's SVG charts: round steps of 1, 2 or 5 x 10^k.

/** Ticks from `low` to at least `high` in about `count` round steps; the first tick is <= low. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  const span = high > low ? high - low : Math.abs(high) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(low / step) * step;
  const ticks: number[] = [];
  // Each tick is computed from its index (not accumulated) and rounded to the step's decimals to avoid 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let k = 0; first + k * step <= high + step * 1e-9 || ticks.length < 2; k++) ticks.push(Number((first + k * step).toFixed(decimals)));
  if (ticks[ticks.length - 1] < high) ticks.push(Number((first + ticks.length * step).toFixed(decimals)));
  return ticks;
}

/** A number for an axis label: as few decimals as the ticks need, "-0" shown as "0". */
export function tickLabel(x: number): string {
  const s = String(Number(x.toPrecision(10)));
  return s === '-0' ? '0' : s.replace('-', '−');
}
