// The selected balance row's covariate before matching (all treated vs the pool) and after (matched treated vs the
// comparison group, weighted): cumulative shares for a numeric covariate or the score, bars per level for a
// categorical one, a 0/1 covariate or a missing indicator. Drawn from what the run stored (shared/results/
// covariatePicture.ts); the geometry is shared/charts/distributionGeometry.ts.
import type { BalanceViewRow } from '../../shared/results/balanceView';
import type { AnalysisResults } from '../../shared/results/runResults';
import { covariatePicture } from '../../shared/results/covariatePicture';
import { DISTRIBUTION_GROUPS, ecdfGeometry, levelBarsGeometry, type EcdfChart, type LevelBarsChart } from '../../shared/charts/distributionGeometry';
import { formatFixed } from '../../shared/format/numberFormat';
import { balanceRowLabel, formatSmd } from '../../shared/wording/balanceLabels';
import { ChartLegend } from './ChartLegend';
import { HorizontalGridLines, VerticalGridLines } from './GridLines';

const MOMENT_TITLE = { before: 'Before matching', after: 'After matching' } as const;

function EcdfPanel({ chart, label }: { chart: EcdfChart; label: string }) {
  const groups = DISTRIBUTION_GROUPS[chart.moment];
  return (
    <svg width={chart.width} height={chart.height} viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={`${MOMENT_TITLE[chart.moment]}: share of the ${groups.treated} and of the ${groups.other} at or below each value of ${label}`}>
      <HorizontalGridLines ticks={chart.yTicks} frame={chart} />
      {chart.xTicks.map((t) => (
        <text key={t.label} x={t.at} y={chart.plotBottom + 14} textAnchor="middle" className="tick">
          {t.label}
        </text>
      ))}
      <path d={chart.otherPath} className={chart.moment === 'before' ? 'step-pool' : 'step-comparison'} />
      <path d={chart.treatedPath} className="step-treated" />
      {chart.widestGap && (
        <line x1={chart.widestGap.x} x2={chart.widestGap.x} y1={chart.widestGap.y0} y2={chart.widestGap.y1} className="ks-gap">
          <title>Widest gap between the curves: {formatFixed(chart.widestGap.value, 3)}</title>
        </line>
      )}
      <text x={(chart.plotLeft + chart.plotRight) / 2} y={chart.plotBottom + 32} textAnchor="middle" className="axis-title">
        {label}
      </text>
    </svg>
  );
}

function BarsPanel({ chart }: { chart: LevelBarsChart }) {
  const groups = DISTRIBUTION_GROUPS[chart.moment];
  return (
    <svg width={chart.width} height={chart.height} viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={`${MOMENT_TITLE[chart.moment]}: share of each level among the ${groups.treated} and the ${groups.other}. ${chart.rows.map((r) => r.description).join('; ')}`}>
      <VerticalGridLines ticks={chart.xTicks} frame={chart} />
      {chart.rows.map((r) => (
        <g key={r.label} className={r.selected ? 'level-row selected' : 'level-row'}>
          <title>{r.description}</title>
          {r.selected && <rect x={0} y={r.top} width={chart.width} height={26} className="level-highlight" />}
          <text x={chart.plotLeft - 8} y={r.top + 17} textAnchor="end" className="row-label">
            {r.label}
          </text>
          {r.bars.map((b) => (
            <g key={b.side}>
              <rect x={b.x} y={b.y} width={b.width} height={b.height} className={b.side === 'treated' ? 'bar-treated' : chart.moment === 'before' ? 'bar-pool' : 'bar-comparison'} />
              <text x={b.x + b.width + 4} y={b.y + b.height - 1} className="bar-share">
                {b.value}
              </text>
            </g>
          ))}
        </g>
      ))}
      <text x={(chart.plotLeft + chart.plotRight) / 2} y={chart.plotBottom + 32} textAnchor="middle" className="axis-title">
        share of the group
      </text>
    </svg>
  );
}

export function CovariateDistribution({ analysis, row }: { analysis: AnalysisResults; row: BalanceViewRow | null }) {
  if (!row) return <p className="muted card distribution-panel">No row is shown: widen the filters to see a distribution.</p>;
  const picture = covariatePicture(analysis, row);
  const label = balanceRowLabel(row);
  const ecdf = picture.kind === 'ecdf' ? ecdfGeometry(picture.distribution) : null;
  const bars = picture.kind === 'levels' ? levelBarsGeometry(picture.levels) : null;
  const numeric = picture.kind === 'ecdf';
  return (
    <figure className="chart distribution-panel" data-testid="covariate-distribution" aria-live="polite">
      <figcaption>
        <strong data-testid="distribution-title">{numeric ? `${label}: cumulative share` : `${row.level === null || row.level === '(missing)' ? label : row.variable}: share of each level`}</strong>
        <span className="muted small">
          SMD before {formatSmd(row.smdBefore)}, after {formatSmd(row.smdAfter)}
          {row.ksAfter !== null && `, KS after ${formatFixed(row.ksAfter, 3)}`}
        </span>
        <ChartLegend
          entries={
            numeric
              ? [
                  { label: 'treated (all, then matched)', swatch: 'line', className: 'step-treated' },
                  { label: 'pool', swatch: 'line', className: 'step-pool' },
                  { label: 'comparison, weighted', swatch: 'line', className: 'step-comparison' },
                  { label: 'widest gap after (KS)', swatch: 'line', className: 'ks-gap' },
                ]
              : [
                  { label: 'treated (all, then matched)', swatch: 'bar', className: 'bar-treated' },
                  { label: 'pool', swatch: 'bar', className: 'bar-pool' },
                  { label: 'comparison, weighted', swatch: 'bar', className: 'bar-comparison' },
                ]
          }
        />
      </figcaption>
      {picture.kind === 'none' && <p className="muted">{picture.reason}</p>}
      {numeric && !ecdf && <p className="muted">No value of {label} was observed.</p>}
      <div className="distribution-moments">
        {(['before', 'after'] as const).map((moment) => (
          <div key={moment} className="distribution-moment" data-testid={`distribution-${moment}`}>
            {(ecdf || bars) && (
              <h4>
                {MOMENT_TITLE[moment]} <span className="muted small">({DISTRIBUTION_GROUPS[moment].treated} and {DISTRIBUTION_GROUPS[moment].other})</span>
              </h4>
            )}
            {ecdf && <EcdfPanel chart={ecdf[moment]} label={label} />}
            {bars && <BarsPanel chart={bars[moment]} />}
          </div>
        ))}
      </div>
    </figure>
  );
}
