// Matching-quality charts of the report, drawn from the geometry the app draws too (shared/charts): the Love plot and
// the overlap of the logit score.
import type { Bands } from '../engine/analysisSpec';
import type { BalanceRow } from '../engine/balance';
import type { ScoreHistogram } from '../engine/scoreHistogram';
import { lovePlotGeometry } from '../charts/lovePlotGeometry';
import { scoreOverlapGeometry, scoreOverlapNote } from '../charts/scoreOverlapGeometry';
import { escapeHtml as h } from './escapeHtml';

const f = (x: number) => x.toFixed(1);

function clipMark(at: number, side: -1 | 0 | 1, cy: number): string {
  if (side === 0) return '';
  return `<path class="clip" d="M${f(at + side * 6)} ${f(cy - 4)}l${side * 5} 4l${-side * 5} 4z"/>`;
}

export function lovePlot(rows: BalanceRow[], bands: Bands): string {
  const g = lovePlotGeometry(rows, bands);
  const parts: string[] = [];
  const height = g.plotBottom - g.plotTop;
  parts.push(`<rect class="band-poorly" x="${g.plotLeft}" y="${g.plotTop}" width="${f(g.plotRight - g.plotLeft)}" height="${height}"/>`);
  parts.push(`<rect class="band-reasonably" x="${f(g.reasonably.x0)}" y="${g.plotTop}" width="${f(g.reasonably.x1 - g.reasonably.x0)}" height="${height}"/>`);
  parts.push(`<rect class="band-well" x="${f(g.well.x0)}" y="${g.plotTop}" width="${f(g.well.x1 - g.well.x0)}" height="${height}"/>`);
  for (const t of g.ticks) {
    parts.push(`<line class="grid" x1="${f(t.x)}" x2="${f(t.x)}" y1="${g.plotTop}" y2="${g.plotBottom}"/>`);
    parts.push(`<text class="tick" x="${f(t.x)}" y="${g.plotBottom + 14}" text-anchor="middle">${h(t.label)}</text>`);
  }
  parts.push(`<line class="axis" x1="${f(g.zeroX)}" x2="${f(g.zeroX)}" y1="${g.plotTop}" y2="${g.plotBottom}"/>`);
  parts.push(`<text class="axis-title" x="${f((g.plotLeft + g.plotRight) / 2)}" y="${g.plotBottom + 32}" text-anchor="middle">${h(g.axisTitle)}</text>`);
  for (const r of g.rows) {
    parts.push(`<g><title>${h(r.description)}</title><text class="row-label" x="${g.plotLeft - 8}" y="${f(r.y + 4)}" text-anchor="end">${h(r.label)}</text>`);
    if (r.before !== null && r.after !== null) parts.push(`<line class="shift" x1="${f(r.before)}" x2="${f(r.after)}" y1="${f(r.y)}" y2="${f(r.y)}"/>`);
    if (r.before !== null) parts.push(`<circle class="before" cx="${f(r.before)}" cy="${f(r.y)}" r="4"/>${clipMark(r.before, r.beforeClipped, r.y)}`);
    if (r.after !== null) parts.push(`<circle class="after after-${r.band}" cx="${f(r.after)}" cy="${f(r.y)}" r="4"/>${clipMark(r.after, r.afterClipped, r.y)}`);
    else parts.push(`<text class="tick" x="${g.plotRight}" y="${f(r.y + 4)}" text-anchor="end">after: n/a</text>`);
    parts.push('</g>');
  }
  return `<svg class="chart love" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-label="Standardised differences before and after matching">${parts.join('')}</svg>`;
}

/** The legend of the Love plot, in HTML beside the chart. */
export function lovePlotLegend(bands: Bands): string {
  return `<p class="legend-line"><span class="key before"></span>Before matching <span class="key after"></span>After matching (filled: red poorly, amber reasonably, green well matched) <span class="key band-well"></span>Well matched (under ${bands.well}%) <span class="key band-reasonably"></span>Reasonably (under ${bands.reasonably}%)</p>`;
}

export function scoreOverlap(hist: ScoreHistogram): string {
  const g = scoreOverlapGeometry(hist);
  if (g === null) return '<p class="note">No score distribution is available.</p>';
  const parts: string[] = [];
  for (const t of g.yTicks) {
    parts.push(`<line class="grid" x1="${g.plotLeft}" x2="${g.plotRight}" y1="${f(t.y)}" y2="${f(t.y)}"/><text class="tick" x="${g.plotLeft - 6}" y="${f(t.y + 4)}" text-anchor="end">${h(t.label)}</text>`);
  }
  for (const b of g.bars) {
    if (b.treatedY < g.axisY) parts.push(`<rect class="bar treatment" x="${f(b.x)}" y="${f(b.treatedY)}" width="${f(b.width)}" height="${f(g.axisY - b.treatedY)}"/>`);
    if (b.comparisonY > g.axisY) parts.push(`<rect class="bar comparison" x="${f(b.x)}" y="${f(g.axisY)}" width="${f(b.width)}" height="${f(b.comparisonY - g.axisY)}"/>`);
  }
  parts.push(`<path class="pool-outline" d="${g.poolPath}"/>`);
  parts.push(`<line class="axis" x1="${g.plotLeft}" x2="${g.plotRight}" y1="${f(g.axisY)}" y2="${f(g.axisY)}"/>`);
  for (const t of g.xTicks) parts.push(`<text class="tick" x="${f(t.x)}" y="${g.height - 28}" text-anchor="middle">${h(t.label)}</text>`);
  parts.push(`<text class="axis-title" x="${f((g.plotLeft + g.plotRight) / 2)}" y="${g.height - 8}" text-anchor="middle">${h(g.axisTitle)}</text>`);
  return `<svg class="chart overlap" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-label="Distribution of the propensity score">${parts.join('')}</svg><p class="note">${h(scoreOverlapNote(g))}</p>`;
}
