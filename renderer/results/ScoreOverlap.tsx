// Overlap of the logit propensity score: the matched treated as bars, the weighted comparison group and the
// unweighted pool as step lines, each as a share of its group so the three sit on one axis.
import type { ScoreHistogram } from '../../shared/engine/scoreHistogram';
import { formatCount, formatFixed } from '../../shared/format/numberFormat';
import { niceAxis, scaleLinear } from './chartScale';
import { overlapRange } from './overlapRange';
import { ChartLegend } from './ChartLegend';

const W = 420;
const H = 300;
const LEFT = 52;
const RIGHT = 14;
const TOP = 14;
const BOTTOM = 46;

/** The outline of a histogram as an SVG path of horizontal steps. */
function stepPath(edges: number[], shares: number[], x: (v: number) => number, y: (v: number) => number): string {
  const parts = [`M${x(edges[0])},${y(0)}`];
  shares.forEach((s, b) => parts.push(`L${x(edges[b])},${y(s)}`, `L${x(edges[b + 1])},${y(s)}`));
  parts.push(`L${x(edges[edges.length - 1])},${y(0)}`);
  return parts.join(' ');
}

export function ScoreOverlap({ histogram }: { histogram: ScoreHistogram }) {
  if (histogram.edges.length < 2) return <p className="muted">No scores to plot.</p>;
  const range = overlapRange(histogram);
  const cut = <T,>(xs: T[]) => xs.slice(range.first, range.last + 1);
  const edges = histogram.edges.slice(range.first, range.last + 2);
  const [treatedShare, comparisonShare, poolShare] = [cut(histogram.treatedShare), cut(histogram.comparisonShare), cut(histogram.poolShare)];
  const xAxis = niceAxis(edges[0], edges[edges.length - 1], 6);
  const yAxis = niceAxis(0, Math.max(...treatedShare, ...comparisonShare, ...poolShare) * 100, 5);
  const x = scaleLinear(xAxis.min, xAxis.max, LEFT, W - RIGHT);
  const yPct = scaleLinear(yAxis.min, yAxis.max, H - BOTTOM, TOP);
  const y = (share: number) => yPct(share * 100);

  return (
    <figure className="chart score-overlap" data-testid="score-overlap">
      <figcaption>
        <strong>Overlap of the propensity score</strong>
        <ChartLegend
          entries={[
            { label: 'treatment group', swatch: 'bar', className: 'bar-treated' },
            { label: 'comparison group (weighted)', swatch: 'line', className: 'step-comparison' },
            { label: 'whole pool', swatch: 'line', className: 'step-pool' },
          ]}
        />
      </figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Distribution of the logit propensity score in the treatment group, the comparison group and the pool">
        {yAxis.ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={W - RIGHT} y1={yPct(t)} y2={yPct(t)} className="gridline" />
            <text x={LEFT - 6} y={yPct(t) + 4} textAnchor="end" className="tick">
              {formatFixed(t, yAxis.dp)}%
            </text>
          </g>
        ))}
        {xAxis.ticks.map((t) => (
          <text key={t} x={x(t)} y={H - BOTTOM + 16} textAnchor="middle" className="tick">
            {formatFixed(t, xAxis.dp)}
          </text>
        ))}
        <text x={(LEFT + W - RIGHT) / 2} y={H - 8} textAnchor="middle" className="axis-title">
          Propensity score (logit)
        </text>
        {treatedShare.map((s, b) =>
          s > 0 ? <rect key={b} x={x(edges[b])} y={y(s)} width={Math.max(1, x(edges[b + 1]) - x(edges[b]) - 1)} height={y(0) - y(s)} className="bar-treated" /> : null,
        )}
        <path d={stepPath(edges, poolShare, x, y)} className="step-pool" />
        <path d={stepPath(edges, comparisonShare, x, y)} className="step-comparison" />
        <line x1={LEFT} x2={W - RIGHT} y1={y(0)} y2={y(0)} className="axis-zero" />
      </svg>
      <p className="muted small chart-note">
        Each group’s share of its own total per score band; the treatment group is the matched treated.
        {range.poolLeftOut > 0 && ` ${formatCount(range.poolLeftOut)} pool ${range.poolLeftOut === 1 ? 'record' : 'records'} with scores beyond those of both groups ${range.poolLeftOut === 1 ? 'is' : 'are'} not drawn.`}
      </p>
    </figure>
  );
}
