// Overlap of the logit propensity score: the matched treated above the axis, the weighted comparison group below
// with the whole pool's outline, each as a share of its group. The geometry (and the trimming of extreme pool
// scores) is the report's: shared/charts/scoreOverlapGeometry.ts.
import type { ScoreHistogram } from '../../shared/engine/scoreHistogram';
import { scoreOverlapGeometry, scoreOverlapNote } from '../../shared/charts/scoreOverlapGeometry';
import { ChartLegend } from './ChartLegend';
import { HorizontalGridLines } from './GridLines';

export function ScoreOverlap({ histogram }: { histogram: ScoreHistogram }) {
  const g = scoreOverlapGeometry(histogram);
  if (g === null) return <p className="muted">No scores to plot.</p>;
  return (
    <figure className="chart score-overlap" data-testid="score-overlap">
      <figcaption>
        <strong>Overlap of the propensity score</strong>
        <ChartLegend
          entries={[
            { label: 'treatment group (above)', swatch: 'bar', className: 'bar-treated' },
            { label: 'comparison group, weighted (below)', swatch: 'bar', className: 'bar-comparison' },
            { label: 'whole pool (below)', swatch: 'line', className: 'step-pool' },
          ]}
        />
      </figcaption>
      <svg width={g.width} height={g.height} viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label="Distribution of the logit propensity score in the treatment group, the comparison group and the pool">
        <HorizontalGridLines ticks={g.yTicks.map((t) => ({ at: t.y, label: t.label }))} frame={g} />
        {g.bars.map((b) => (
          <g key={b.x}>
            {b.treatedY < g.axisY && <rect x={b.x} y={b.treatedY} width={b.width} height={g.axisY - b.treatedY} className="bar-treated" />}
            {b.comparisonY > g.axisY && <rect x={b.x} y={g.axisY} width={b.width} height={b.comparisonY - g.axisY} className="bar-comparison" />}
          </g>
        ))}
        <path d={g.poolPath} className="step-pool" />
        <line x1={g.plotLeft} x2={g.plotRight} y1={g.axisY} y2={g.axisY} className="axis-zero" />
        {g.xTicks.map((t) => (
          <text key={t.label} x={t.x} y={g.height - 28} textAnchor="middle" className="tick">
            {t.label}
          </text>
        ))}
        <text x={(g.plotLeft + g.plotRight) / 2} y={g.height - 8} textAnchor="middle" className="axis-title">
          {g.axisTitle}
        </text>
      </svg>
      <p className="muted small chart-note" data-testid="overlap-note">
        {scoreOverlapNote(g)}
      </p>
    </figure>
  );
}
