// Matching-quality charts: a Love plot (standardised difference of every balance row before and after matching, with
// the bands shaded) and the overlap of the logit score (treated above the axis, comparison and pool below).
import type { Bands } from '../engine/analysisSpec';
import type { BalanceRow } from '../engine/balance';
import type { ScoreHistogram } from '../engine/scoreHistogram';
import { niceTicks, tickLabel } from './chartScale';
import { escapeHtml as h } from './escapeHtml';

const fix = (x: number) => x.toFixed(1);

export function balanceRowLabel(r: BalanceRow): string {
  return r.level === null ? r.variable : `${r.variable}: ${r.level}`;
}

/** Rows in table order; an SMD beyond the axis is drawn at its edge with an arrow. */
export function lovePlot(rows: BalanceRow[], bands: Bands): string {
  const W = 640, LEFT = 230, RIGHT = 20, TOP = 30, ROW = 15, BOTTOM = 44;
  const H = TOP + ROW * rows.length + BOTTOM;
  const largest = Math.max(bands.reasonably * 2, ...rows.flatMap((r) => [r.smdBefore, r.smdAfter]).filter((x): x is number => x !== null).map(Math.abs));
  // Beyond 100% the detail near zero (where the bands are) is lost: clip there.
  const limit = Math.min(largest, 100);
  const ticks = niceTicks(-limit, limit, 6);
  const lo = ticks[0], hi = ticks[ticks.length - 1];
  const x = (v: number) => LEFT + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const parts: string[] = [];
  const yEnd = TOP + ROW * rows.length;
  parts.push(`<rect class="band-poorly" x="${LEFT}" y="${TOP}" width="${W - LEFT - RIGHT}" height="${ROW * rows.length}"/>`);
  parts.push(`<rect class="band-reasonably" x="${fix(x(-bands.reasonably))}" y="${TOP}" width="${fix(x(bands.reasonably) - x(-bands.reasonably))}" height="${ROW * rows.length}"/>`);
  parts.push(`<rect class="band-well" x="${fix(x(-bands.well))}" y="${TOP}" width="${fix(x(bands.well) - x(-bands.well))}" height="${ROW * rows.length}"/>`);
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${fix(x(t))}" x2="${fix(x(t))}" y1="${TOP}" y2="${yEnd}"/>`);
    parts.push(`<text class="tick" x="${fix(x(t))}" y="${yEnd + 14}" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  parts.push(`<line class="axis" x1="${fix(x(0))}" x2="${fix(x(0))}" y1="${TOP}" y2="${yEnd}"/>`);
  parts.push(`<text class="axis-title" x="${fix((LEFT + W - RIGHT) / 2)}" y="${yEnd + 32}" text-anchor="middle">Standardised difference (%)</text>`);
  rows.forEach((r, k) => {
    const cy = TOP + ROW * k + ROW / 2;
    parts.push(`<text class="row-label" x="${LEFT - 8}" y="${fix(cy + 4)}" text-anchor="end">${h(truncate(balanceRowLabel(r), 38))}</text>`);
    if (r.smdBefore !== null && r.smdAfter !== null) parts.push(`<line class="shift" x1="${fix(x(r.smdBefore))}" x2="${fix(x(r.smdAfter))}" y1="${fix(cy)}" y2="${fix(cy)}"/>`);
    if (r.smdBefore !== null) parts.push(`<circle class="before" cx="${fix(x(r.smdBefore))}" cy="${fix(cy)}" r="4"/>${clipMark(r.smdBefore, lo, hi, x, cy)}`);
    if (r.smdAfter !== null) parts.push(`<circle class="after" cx="${fix(x(r.smdAfter))}" cy="${fix(cy)}" r="4"/>`);
    else parts.push(`<text class="tick" x="${W - RIGHT}" y="${fix(cy + 4)}" text-anchor="end">after: n/a</text>`);
  });
  const L = 120;
  parts.push(`<circle class="before" cx="${L + 6}" cy="14" r="4"/><text class="legend" x="${L + 16}" y="18">Before matching</text>`);
  parts.push(`<circle class="after" cx="${L + 126}" cy="14" r="4"/><text class="legend" x="${L + 136}" y="18">After matching</text>`);
  parts.push(`<rect class="band-well" x="${L + 240}" y="8" width="12" height="12"/><text class="legend" x="${L + 258}" y="18">Well matched (&lt;${bands.well})</text>`);
  parts.push(`<rect class="band-reasonably" x="${L + 380}" y="8" width="12" height="12"/><text class="legend" x="${L + 398}" y="18">Reasonably (&lt;${bands.reasonably})</text>`);
  return `<svg class="chart love" viewBox="0 0 ${W} ${H}" role="img" aria-label="Standardised differences before and after matching">${parts.join('')}</svg>`;
}

function clipMark(v: number, lo: number, hi: number, x: (v: number) => number, cy: number): string {
  if (v >= lo && v <= hi) return '';
  const at = x(v);
  const d = v > hi ? 1 : -1;
  return `<path class="clip" d="M${fix(at + d * 6)} ${fix(cy - 4)}l${d * 5} 4l${-d * 5} 4z"/>`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Mirrored histogram on shares (each group sums to 1), so groups of very different sizes share one axis. */
export function scoreOverlap(hist: ScoreHistogram): string {
  const W = 640, H = 250, LEFT = 56, RIGHT = 16, TOP = 30, BOTTOM = 40;
  const bins = hist.treatedShare.length;
  if (bins === 0) return '<p class="note">No score distribution is available.</p>';
  const maxShare = Math.max(...hist.treatedShare, ...hist.comparisonShare, ...hist.poolShare, 1e-9);
  const ticksY = niceTicks(0, maxShare * 100, 3);
  const top = ticksY[ticksY.length - 1] / 100;
  const mid = TOP + (H - TOP - BOTTOM) / 2;
  const half = (H - TOP - BOTTOM) / 2;
  const x0 = hist.edges[0], x1 = hist.edges[bins];
  const x = (v: number) => LEFT + ((v - x0) / (x1 - x0 || 1)) * (W - LEFT - RIGHT);
  const parts: string[] = [];
  for (const t of ticksY) {
    for (const sign of t === 0 ? [1] : [1, -1]) {
      const y = mid - sign * (t / 100 / top) * half;
      parts.push(`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${fix(y)}" y2="${fix(y)}"/><text class="tick" x="${LEFT - 6}" y="${fix(y + 4)}" text-anchor="end">${tickLabel(t)}%</text>`);
    }
  }
  let poolPath = `M${fix(x(x0))} ${fix(mid)}`;
  for (let b = 0; b < bins; b++) {
    const a = x(hist.edges[b]), w = x(hist.edges[b + 1]) - a;
    const up = (hist.treatedShare[b] / top) * half;
    const down = (hist.comparisonShare[b] / top) * half;
    if (up > 0) parts.push(`<rect class="bar treatment" x="${fix(a)}" y="${fix(mid - up)}" width="${fix(Math.max(0.5, w - 0.6))}" height="${fix(up)}"/>`);
    if (down > 0) parts.push(`<rect class="bar comparison" x="${fix(a)}" y="${fix(mid)}" width="${fix(Math.max(0.5, w - 0.6))}" height="${fix(down)}"/>`);
    const pool = mid + (hist.poolShare[b] / top) * half;
    poolPath += `V${fix(pool)}H${fix(a + w)}`;
  }
  poolPath += `V${fix(mid)}`;
  parts.push(`<path class="pool-outline" d="${poolPath}"/>`);
  parts.push(`<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${fix(mid)}" y2="${fix(mid)}"/>`);
  for (const t of niceTicks(x0, x1, 6).filter((t) => t >= x0 - 1e-9 && t <= x1 + 1e-9)) {
    parts.push(`<text class="tick" x="${fix(x(t))}" y="${H - BOTTOM + 16}" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  parts.push(`<text class="axis-title" x="${fix((LEFT + W - RIGHT) / 2)}" y="${H - 6}" text-anchor="middle">Propensity score (logit)</text>`);
  parts.push(`<rect class="bar treatment" x="${LEFT}" y="8" width="12" height="12"/><text class="legend" x="${LEFT + 18}" y="18">Treatment group (above)</text>`);
  parts.push(`<rect class="bar comparison" x="${LEFT + 180}" y="8" width="12" height="12"/><text class="legend" x="${LEFT + 198}" y="18">Comparison group, weighted (below)</text>`);
  parts.push(`<path class="pool-outline" d="M${LEFT + 420} 14h16"/><text class="legend" x="${LEFT + 442}" y="18">Whole pool (below)</text>`);
  return `<svg class="chart overlap" viewBox="0 0 ${W} ${H}" role="img" aria-label="Distribution of the propensity score">${parts.join('')}</svg>`;
}
