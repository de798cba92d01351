// Love plot: each balance row's standardised difference before matching (hollow) and after (filled, coloured by
// band), the bands shaded; rows sorted by the size of the difference before matching. The geometry is the report's
// (shared/charts/lovePlotGeometry.ts), so the app and the report draw the same picture.
import type { BalanceRow } from '../../shared/engine/balance';
import type { Bands } from '../../shared/engine/analysisSpec';
import { lovePlotGeometry } from '../../shared/charts/lovePlotGeometry';
import { ChartLegend } from './ChartLegend';

const BAND_COLOUR = { well: 'var(--good)', reasonably: 'var(--warn)', poorly: 'var(--bad)' } as const;

function ClipMark({ at, side, y }: { at: number; side: -1 | 0 | 1; y: number }) {
  if (side === 0) return null;
  return <path className="clip" d={`M${at + side * 6} ${y - 4}l${side * 5} 4l${-side * 5} 4z`} />;
}

export function LovePlot({ rows, bands }: { rows: BalanceRow[]; bands: Bands }) {
  const g = lovePlotGeometry(rows, bands);
  const plotHeight = g.plotBottom - g.plotTop;
  return (
    <figure className="chart love-plot" data-testid="love-plot">
      <figcaption>
        <strong>Standardised differences before and after matching</strong>
        <ChartLegend
          entries={[
            { label: 'before matching', swatch: 'dot', className: 'dot-before' },
            { label: 'after: well matched', swatch: 'dot', fill: BAND_COLOUR.well },
            { label: 'reasonably', swatch: 'dot', fill: BAND_COLOUR.reasonably },
            { label: 'poorly', swatch: 'dot', fill: BAND_COLOUR.poorly },
            { label: `bands under ${bands.well}% and ${bands.reasonably}%`, swatch: 'bar', className: 'band-swatch' },
          ]}
        />
      </figcaption>
      <svg width={g.width} height={g.height} viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={`Love plot of ${rows.length} balance rows`}>
        <rect x={g.reasonably.x0} y={g.plotTop} width={g.reasonably.x1 - g.reasonably.x0} height={plotHeight} className="band-reasonably" />
        <rect x={g.well.x0} y={g.plotTop} width={g.well.x1 - g.well.x0} height={plotHeight} className="band-well" />
        {g.ticks.map((t) => (
          <g key={t.label}>
            <line x1={t.x} x2={t.x} y1={g.plotTop} y2={g.plotBottom} className="gridline" />
            <text x={t.x} y={g.plotBottom + 14} textAnchor="middle" className="tick">
              {t.label}
            </text>
          </g>
        ))}
        <line x1={g.zeroX} x2={g.zeroX} y1={g.plotTop} y2={g.plotBottom} className="axis-zero" />
        <text x={(g.plotLeft + g.plotRight) / 2} y={g.plotBottom + 32} textAnchor="middle" className="axis-title">
          {g.axisTitle}
        </text>
        {g.rows.map((r) => (
          <g key={r.key} className="love-row">
            <title>{r.description}</title>
            <text x={g.plotLeft - 8} y={r.y + 4} textAnchor="end" className="row-label">
              {r.label}
            </text>
            {r.before !== null && r.after !== null && <line x1={r.before} x2={r.after} y1={r.y} y2={r.y} className="love-link" />}
            {r.before !== null && (
              <>
                <circle cx={r.before} cy={r.y} r={4} className="dot-before" />
                <ClipMark at={r.before} side={r.beforeClipped} y={r.y} />
              </>
            )}
            {r.after !== null ? (
              <>
                <circle cx={r.after} cy={r.y} r={4.5} fill={BAND_COLOUR[r.band]} />
                <ClipMark at={r.after} side={r.afterClipped} y={r.y} />
              </>
            ) : (
              <text x={g.plotRight - 4} y={r.y + 4} textAnchor="end" className="tick">
                after: n/a
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
