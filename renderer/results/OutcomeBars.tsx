// One outcome measure as two bars (treatment, comparison) with each group's own confidence interval as a
// whisker, as in the reference report's charts; a measure hidden by the reporting gates shows its reason.
import type { MeasureResult } from '../../shared/outcomes/computeOutcomes';
import { formatFixed, formatMean, type MeasureUnit } from '../../shared/format/numberFormat';
import { niceAxis, scaleLinear } from '../../shared/charts/chartScale';
import { NON_SIGNIFICANT_CAPTION, SIGNIFICANT_CAPTION, type OutcomeChartSpec } from '../../shared/charts/outcomeChartSpecs';

const W = 320;
const H = 250;
const LEFT = 48;
const TOP = 26;
const BOTTOM = 40;
const BAR_W = 60;

const valueLabel = (x: number, unit: MeasureUnit) => `${formatMean(x, unit)}${unit === 'rate' ? '%' : ''}`;

export function OutcomeBars({ spec, organisation, measure }: { spec: OutcomeChartSpec; organisation: string; measure: MeasureResult }) {
  const { unit, axis: axisLabel } = spec;
  const title = spec.title(organisation);
  const head = <figcaption><strong>{title}</strong></figcaption>;
  if (!measure.shown) {
    return (
      <figure className="chart outcome-bars">
        {head}
        <p className="muted small">{measure.hiddenReason}</p>
      </figure>
    );
  }
  const groups = [
    { label: 'Treatment group', mean: measure.treatmentMean, half: measure.treatmentHalfWidth, cls: 'bar-treated' },
    { label: 'Comparison group', mean: measure.comparisonMean, half: measure.comparisonHalfWidth, cls: 'bar-comparison' },
  ];
  const k = spec.scale;
  const top = Math.max(...groups.map((g) => ((g.mean ?? 0) + (g.half ?? 0)) * k));
  const axis = niceAxis(0, top * 1.12, 5);
  const y = scaleLinear(axis.min, axis.max, H - BOTTOM, TOP);
  const slot = (W - LEFT) / 2;
  const significance = measure.p === null ? (measure.unavailableReason ?? 'No test was possible') : measure.significant ? SIGNIFICANT_CAPTION : NON_SIGNIFICANT_CAPTION;

  return (
    <figure className="chart outcome-bars" data-testid="outcome-bars">
      {head}
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: treatment ${groups[0].mean === null ? 'n/a' : valueLabel(groups[0].mean, unit)}, comparison ${groups[1].mean === null ? 'n/a' : valueLabel(groups[1].mean, unit)}`}>
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={W} y1={y(t)} y2={y(t)} className="gridline" />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" className="tick">
              {formatFixed(t, axis.dp)}
            </text>
          </g>
        ))}
        <text transform={`translate(12, ${(TOP + H - BOTTOM) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
          {axisLabel}
        </text>
        {groups.map((g, i) => {
          const cx = LEFT + slot * i + slot / 2;
          if (g.mean === null) return null;
          const m = g.mean * k;
          const hw = (g.half ?? 0) * k;
          return (
            <g key={g.label}>
              <title>{`${g.label}: ${valueLabel(g.mean, unit)}${g.half === null ? '' : `, 95% CI ${formatFixed(m - hw, axis.dp + 1)} to ${formatFixed(m + hw, axis.dp + 1)}`}`}</title>
              <rect x={cx - BAR_W / 2} y={y(m)} width={BAR_W} height={y(0) - y(m)} className={g.cls} />
              {g.half !== null && hw > 0 && (
                <g className="whisker">
                  <line x1={cx} x2={cx} y1={y(Math.max(0, m - hw))} y2={y(m + hw)} />
                  <line x1={cx - 10} x2={cx + 10} y1={y(m + hw)} y2={y(m + hw)} />
                  <line x1={cx - 10} x2={cx + 10} y1={y(Math.max(0, m - hw))} y2={y(Math.max(0, m - hw))} />
                </g>
              )}
              {/* Above the bar and its whisker, as in the report: beside it, a 1 dp value ran off the chart. */}
              <text x={cx} y={y(m + hw) - 6} textAnchor="middle" className="bar-value">
                {valueLabel(g.mean, unit)}
              </text>
              <text x={cx} y={H - BOTTOM + 18} textAnchor="middle" className="tick">
                {g.label}
              </text>
            </g>
          );
        })}
        <line x1={LEFT} x2={W} y1={y(0)} y2={y(0)} className="axis-zero" />
      </svg>
      <p className={measure.significant ? 'chart-note significant' : 'chart-note muted small'}>{significance}</p>
    </figure>
  );
}
