// The specification curve (shared/charts/specificationCurveGeometry.ts) drawn in the app: every point can be pointed at
// or reached with Tab, and what it is (method, caliper, covariates, estimate, CI, gate) is said below the chart.
import { useState } from 'react';
import { pointText, type CurveLayout, type CurvePoint } from '../../shared/charts/specificationCurveGeometry';
import { formatCount } from '../../shared/format/numberFormat';
import { describeBalanceRow } from '../../shared/wording/matchingSummary';

/** The first few names, then how many more. */
function listed(names: string[], first = 4): string {
  return names.length <= first ? names.join(', ') : `${names.slice(0, first).join(', ')} and ${names.length - first} more`;
}

function pointDetail(layout: CurveLayout, p: CurvePoint, alpha: number): string {
  const e = p.entry;
  const gate = e.gate.passes
    ? ''
    : e.gate.belowMinimumTreated
      ? ' Too few treated people for a reliable result.'
      : ` Poorly matched on ${listed(e.gate.poorlyMatched.map((r) => describeBalanceRow(r.variable, r.level)))}.`;
  return `${pointText(layout.measure, p, alpha)}. ${formatCount(e.treatment.matched)} treated matched (${formatCount(e.treatment.notMatched)} not), effective comparison size ${formatCount(e.comparison.effectiveSize)}.${gate}`;
}

export function SpecificationCurve({ layout, alpha, label }: { layout: CurveLayout; alpha: number; label: string }) {
  const own = layout.points.find((p) => p.own) ?? layout.points[0];
  const [pointed, setPointed] = useState<string | null>(null);
  const shown = layout.points.find((p) => p.id === pointed) ?? own;
  const { plot } = layout;
  return (
    <figure className="spec-curve-figure" data-testid="specification-curve">
      <svg className="spec-curve" viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} role="group" aria-label={label}>
        {own.own && <rect className="own-band" x={own.x - 7} y={plot.top} width={14} height={layout.height - plot.top - 10} />}
        {layout.ticks.map((t) => (
          <g key={t.value}>
            <line className="grid" x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} />
            <text className="tick" x={plot.left - 6} y={t.y + 3.5} textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        <line className="zero" x1={plot.left} x2={plot.right} y1={layout.zeroY} y2={layout.zeroY} />
        <text className="axis-title" transform={`translate(${plot.left - 44} ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">
          {layout.axisTitle}
        </text>
        {layout.points.map((p) => {
          const cls = p.passes ? 'pass' : 'fail';
          return (
            <g
              key={p.id}
              className={p.id === shown.id ? 'spec-point pointed' : 'spec-point'}
              tabIndex={0}
              role="img"
              aria-label={pointText(layout.measure, p, alpha)}
              data-own={p.own || undefined}
              onMouseEnter={() => setPointed(p.id)}
              onFocus={() => setPointed(p.id)}
            >
              <rect className="hit" x={p.x - 7} y={plot.top} width={14} height={plot.bottom - plot.top} />
              {p.yLow !== null && p.yHigh !== null && <line className={`ci ${cls}`} x1={p.x} x2={p.x} y1={p.yLow} y2={p.yHigh} />}
              <circle className={`point ${cls}`} cx={p.x} cy={p.y} r={3.6} />
              {p.own && <circle className="own-ring" cx={p.x} cy={p.y} r={7} />}
            </g>
          );
        })}
        <text className="tick" x={plot.left} y={plot.bottom + 12}>
          Specifications, ordered by estimate (whiskers: 95% CI)
        </text>
        {layout.choices.map((block) => (
          <g key={block.group}>
            <text className="group-title" x={8} y={block.top - 4}>
              {block.group}
            </text>
            {block.rows.map((row) => (
              <g key={row.label}>
                <line className="row-guide" x1={plot.left} x2={plot.right} y1={row.y} y2={row.y} />
                <text className="row-label" x={plot.left - 8} y={row.y + 3.5} textAnchor="end">
                  {row.label}
                </text>
                {row.xs.map((x) => (
                  <circle key={x} className="choice" cx={x} cy={row.y} r={3} />
                ))}
              </g>
            ))}
          </g>
        ))}
      </svg>
      <ul className="spec-legend small" aria-hidden="true">
        <li>
          <span className="key pass" /> passes the matching-quality gate
        </li>
        <li>
          <span className="key fail" /> does not pass
        </li>
        <li>
          <span className="key own" /> this analysis
        </li>
      </ul>
      <figcaption className="spec-detail" aria-live="polite" data-testid="spec-detail">
        {pointed === null && own.own ? 'This analysis: ' : ''}
        {pointDetail(layout, shown, alpha)}
      </figcaption>
    </figure>
  );
}
