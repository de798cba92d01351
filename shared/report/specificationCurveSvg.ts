// The specification curve (shared/charts/specificationCurveGeometry.ts) as SVG text: in the report (styled by its
// stylesheet) and as the CLI's chart file (standalone, with its own style element).
import { pointText, type CurveLayout } from '../charts/specificationCurveGeometry';
import { escapeHtml as h } from './escapeHtml';

const fix = (x: number) => x.toFixed(1);

/** The classes below, for the report's stylesheet and the standalone file. */
export const SPECIFICATION_CURVE_CSS = `
.spec-curve { font-family: Arial, "Liberation Sans", sans-serif; }
.spec-curve .grid { stroke: #dee0e2; stroke-width: 1; }
.spec-curve .zero { stroke: #0b0c0c; stroke-width: 1; stroke-dasharray: 4 3; }
.spec-curve .tick { font-size: 10px; fill: #505a5f; }
.spec-curve .axis-title, .spec-curve .legend { font-size: 10.5px; fill: #0b0c0c; }
.spec-curve .ci { stroke: #1d70b8; stroke-width: 1.4; }
.spec-curve .ci.fail { stroke: #a3adb4; }
.spec-curve .point { fill: #1d70b8; stroke: #1d70b8; stroke-width: 1.4; }
.spec-curve .point.fail { fill: #fff; stroke: #6f777b; }
.spec-curve .own-band { fill: #fff2cc; }
.spec-curve .own-ring { fill: none; stroke: #d4351c; stroke-width: 2; }
.spec-curve .own-label { font-size: 10.5px; font-weight: bold; fill: #d4351c; }
.spec-curve .group-title { font-size: 10.5px; font-weight: bold; fill: #0b0c0c; }
.spec-curve .row-label { font-size: 10px; fill: #0b0c0c; }
.spec-curve .row-guide { stroke: #f3f2f1; stroke-width: 9; }
.spec-curve .choice { fill: #0b0c0c; }
`;

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The chart as an `<svg>` element for the report; with `standalone`, a complete SVG file with its own styles and,
 * above the chart, the title and the summary sentence (the CLI's chart file).
 */
export function specificationCurveSvg(layout: CurveLayout, options: { alpha: number; label: string; standalone?: { title: string; sentence: string } }): string {
  const { plot } = layout;
  const parts: string[] = [];
  const own = layout.points.find((p) => p.own);
  if (own) parts.push(`<rect class="own-band" x="${fix(own.x - 7)}" y="${plot.top}" width="14" height="${fix(layout.height - plot.top - 10)}"/>`);
  for (const t of layout.ticks) {
    parts.push(`<line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${fix(t.y)}" y2="${fix(t.y)}"/>`);
    parts.push(`<text class="tick" x="${plot.left - 6}" y="${fix(t.y + 3.5)}" text-anchor="end">${h(t.label)}</text>`);
  }
  parts.push(`<line class="zero" x1="${plot.left}" x2="${plot.right}" y1="${fix(layout.zeroY)}" y2="${fix(layout.zeroY)}"/>`);
  parts.push(`<text class="axis-title" transform="translate(${plot.left - 44} ${fix((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle">${h(layout.axisTitle)}</text>`);
  for (const p of layout.points) {
    const cls = p.passes ? 'pass' : 'fail';
    parts.push(`<g><title>${h(pointText(layout.measure, p, options.alpha))}</title>`);
    if (p.yLow !== null && p.yHigh !== null) parts.push(`<line class="ci ${cls}" x1="${fix(p.x)}" x2="${fix(p.x)}" y1="${fix(p.yLow)}" y2="${fix(p.yHigh)}"/>`);
    parts.push(`<circle class="point ${cls}" cx="${fix(p.x)}" cy="${fix(p.y)}" r="3.6"/>`);
    if (p.own) parts.push(`<circle class="own-ring" cx="${fix(p.x)}" cy="${fix(p.y)}" r="7"/>`);
    parts.push('</g>');
  }
  const legendY = plot.bottom + 22;
  parts.push(`<text class="tick" x="${plot.left}" y="${plot.bottom + 12}">Specifications, ordered by estimate (whiskers: 95% CI)</text>`);
  // Legend entries side by side; text widths estimated at 5.8 px a character (10.5 px Arial).
  let x = plot.left + 4;
  for (const [mark, cls, text] of [['point pass', 'legend', 'passes the matching-quality gate'], ['point fail', 'legend', 'does not pass'], ['own-ring', 'own-label', 'this analysis']]) {
    parts.push(`<circle class="${mark}" cx="${fix(x)}" cy="${legendY}" r="${mark === 'own-ring' ? 6 : 3.6}"/><text class="${cls}" x="${fix(x + 10)}" y="${legendY + 3.5}">${text}</text>`);
    x += 10 + text.length * 5.8 + 18;
  }
  for (const block of layout.choices) {
    parts.push(`<text class="group-title" x="8" y="${block.top - 4}">${h(block.group)}</text>`);
    for (const row of block.rows) {
      parts.push(`<line class="row-guide" x1="${plot.left}" x2="${plot.right}" y1="${fix(row.y)}" y2="${fix(row.y)}"/>`);
      parts.push(`<text class="row-label" x="${plot.left - 8}" y="${fix(row.y + 3.5)}" text-anchor="end">${h(row.label)}</text>`);
      for (const cx of row.xs) parts.push(`<circle class="choice" cx="${fix(cx)}" cy="${fix(row.y)}" r="3"/>`);
    }
  }
  if (!options.standalone) {
    return `<svg class="chart spec-curve" viewBox="0 0 ${layout.width} ${fix(layout.height)}" role="img" aria-label="${h(options.label)}">${parts.join('')}</svg>`;
  }
  const { title, sentence } = options.standalone;
  const lines = wrap(sentence, Math.floor((layout.width - 16) / 6.2));
  const head = 30 + 15 * lines.length;
  const width = Math.max(layout.width, 560);
  const text = lines.map((l, k) => `<text class="legend" x="8" y="${40 + 15 * k}">${h(l)}</text>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" class="spec-curve" width="${width}" height="${fix(layout.height + head)}" viewBox="0 0 ${width} ${fix(layout.height + head)}" role="img" aria-label="${h(`${title}: ${sentence}`)}"><style>${SPECIFICATION_CURVE_CSS}</style><rect width="100%" height="100%" fill="#fff"/><text class="group-title" x="8" y="20">${h(title)}</text>${text}<g transform="translate(0 ${head})">${parts.join('')}</g></svg>
`;
}
