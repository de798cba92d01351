// The charts of the headline measures (reference report, pages 4-5): per analysis, a bar for the treatment group
// and one for the comparison group, each with its own 95% CI as an error bar, and whether they differ significantly.
import { formatFixed, formatMean } from '../format/numberFormat';
import type { AnalysisResults } from '../results/runResults';
import { niceAxis } from '../charts/chartScale';
import { ERROR_BARS_NOTE, NON_SIGNIFICANT_CAPTION, OUTCOME_CHARTS, SIGNIFICANT_CAPTION, type OutcomeChartSpec as ChartSpec } from '../charts/outcomeChartSpecs';
import { escapeHtml as h } from './escapeHtml';

const W = 640, H = 250, LEFT = 64, RIGHT = 16, TOP = 22, BOTTOM = 70;

function barChart(spec: ChartSpec, analyses: AnalysisResults[]): string {
  const shown = analyses.filter((a) => a.outcomes[spec.measure].shown && a.outcomes[spec.measure].treatmentMean !== null);
  const top = (mean: number | null, half: number | null) => (mean === null ? 0 : (mean + (half ?? 0)) * spec.scale);
  const max = Math.max(...shown.map((a) => { const m = a.outcomes[spec.measure]; return Math.max(top(m.treatmentMean, m.treatmentHalfWidth), top(m.comparisonMean, m.comparisonHalfWidth)); }), 1e-9);
  const axis = niceAxis(0, spec.unit === 'rate' ? Math.min(100, max) : max, 5);
  const ticks = axis.ticks;
  const yMax = axis.max;
  const plotH = H - TOP - BOTTOM, plotW = W - LEFT - RIGHT;
  const y = (v: number) => TOP + plotH - (Math.max(0, Math.min(v, yMax)) / yMax) * plotH;
  const slot = plotW / shown.length;
  const bar = Math.min(70, slot / 3.2);
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/>`);
    parts.push(`<text class="tick" x="${LEFT - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${formatFixed(t, axis.dp)}</text>`);
  }
  parts.push(`<text class="axis-title" transform="translate(14 ${TOP + plotH / 2}) rotate(-90)" text-anchor="middle">${h(spec.axis)}</text>`);
  shown.forEach((a, k) => {
    const m = a.outcomes[spec.measure];
    const centre = LEFT + slot * (k + 0.5);
    const bars: [string, number | null, number | null, number][] = [
      ['treatment', m.treatmentMean, m.treatmentHalfWidth, centre - bar - 4],
      ['comparison', m.comparisonMean, m.comparisonHalfWidth, centre + 4],
    ];
    for (const [group, mean, half, x] of bars) {
      if (mean === null) continue;
      const v = mean * spec.scale;
      parts.push(`<rect class="bar ${group}" x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${bar.toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}"/>`);
      const cx = x + bar / 2;
      let labelY = y(v) - 6;
      if (half !== null && half > 0) {
        const lo = y((mean - half) * spec.scale), hi = y((mean + half) * spec.scale);
        parts.push(`<path class="errorbar" d="M${cx.toFixed(1)} ${lo.toFixed(1)}V${hi.toFixed(1)}M${(cx - 7).toFixed(1)} ${hi.toFixed(1)}h14M${(cx - 7).toFixed(1)} ${lo.toFixed(1)}h14"/>`);
        labelY = Math.min(labelY, hi - 6);
      }
      // The value sits above the error bar, or inside the bar's top when the bar reaches the top of the plot.
      const inside = labelY < TOP - 4;
      parts.push(`<text class="value${inside ? ' inside' : ''}" x="${cx.toFixed(1)}" y="${(inside ? y(v) + 16 : labelY).toFixed(1)}" text-anchor="middle">${h(formatMean(mean, spec.unit))}${spec.unit === 'rate' ? '%' : ''}</text>`);
    }
    parts.push(`<text class="group-name" x="${centre.toFixed(1)}" y="${H - BOTTOM + 20}" text-anchor="middle">${h(a.name)} analysis</text>`);
    parts.push(`<text class="caption ${m.significant ? 'significant' : ''}" x="${centre.toFixed(1)}" y="${H - BOTTOM + 38}" text-anchor="middle">${m.significant ? SIGNIFICANT_CAPTION : NON_SIGNIFICANT_CAPTION}</text>`);
  });
  parts.push(`<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(0)}" y2="${y(0)}"/>`);
  const legendY = H - 14;
  parts.push(`<rect class="bar treatment" x="${LEFT}" y="${legendY - 9}" width="12" height="12"/><text class="legend" x="${LEFT + 18}" y="${legendY + 1}">Treatment group</text>`);
  parts.push(`<rect class="bar comparison" x="${LEFT + 140}" y="${legendY - 9}" width="12" height="12"/><text class="legend" x="${LEFT + 158}" y="${legendY + 1}">Comparison group</text>`);
  parts.push(`<text class="legend" x="${LEFT + 300}" y="${legendY + 1}">${ERROR_BARS_NOTE}</text>`);
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${h(spec.axis)}">${parts.join('')}</svg>`;
}

export function outcomeChartsSection(analyses: AnalysisResults[], organisation: string): string {
  const figures = OUTCOME_CHARTS.map((spec) => {
    const hidden = analyses.filter((a) => !a.outcomes[spec.measure].shown || a.outcomes[spec.measure].treatmentMean === null);
    const reason = (a: AnalysisResults) => a.outcomes[spec.measure].hiddenReason ?? a.outcomes[spec.measure].unavailableReason ?? 'no figure is available.';
    // One reason shared by every analysis is said once.
    const sameForAll = hidden.length === analyses.length && new Set(hidden.map(reason)).size === 1;
    const notes = sameForAll ? `<p class="note">${h(reason(hidden[0]))}</p>` : hidden.map((a) => `<p class="note">${h(a.name)} analysis: ${h(reason(a))}</p>`).join('');
    const chart = hidden.length < analyses.length ? barChart(spec, analyses) : '';
    return `<figure class="outcome-chart"><figcaption>${h(spec.title(organisation))}</figcaption>${chart}${notes}</figure>`;
  });
  return `<section class="major" id="charts"><h2>Charts</h2>${figures.join('\n')}</section>`;
}
