// Love plot: each balance row's standardised difference before matching (hollow) and after (filled, coloured by
// band), with the band thresholds as dashed lines. Rows sorted by the size of the difference before matching.
import { useState } from 'react';
import type { BalanceRow } from '../../shared/engine/balance';
import type { Bands } from '../../shared/engine/analysisSpec';
import { formatFixed, formatSigned } from '../../shared/format/numberFormat';
import { niceAxis, scaleLinear } from './chartScale';
import { balanceRowLabel } from './balanceRowLabel';
import { ChartLegend } from './ChartLegend';

const LABEL_W = 224;
const PLOT_W = 360;
const ROW_H = 20;
const TOP = 8;
const BOTTOM = 40;
const RIGHT = 16;
const MAX_LABEL = 32;

const BAND_COLOUR = { well: 'var(--good)', reasonably: 'var(--warn)', poorly: 'var(--bad)' } as const;

function shorten(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1)}…`;
}

export function LovePlot({ rows, bands }: { rows: BalanceRow[]; bands: Bands }) {
  const [signed, setSigned] = useState(false);
  const value = (x: number | null) => (x === null ? null : signed ? x : Math.abs(x));
  const sorted = [...rows].sort((a, b) => Math.abs(b.smdBefore ?? -1) - Math.abs(a.smdBefore ?? -1));
  const extent = Math.max(bands.reasonably * 1.5, ...rows.flatMap((r) => [r.smdBefore, r.smdAfter].map((x) => Math.abs(x ?? 0))));
  const axis = niceAxis(signed ? -extent : 0, extent, signed ? 8 : 6);
  const x = scaleLinear(axis.min, axis.max, LABEL_W, LABEL_W + PLOT_W);
  const height = TOP + sorted.length * ROW_H + BOTTOM;
  const plotBottom = TOP + sorted.length * ROW_H;
  const thresholds = signed ? [-bands.reasonably, -bands.well, bands.well, bands.reasonably] : [bands.well, bands.reasonably];

  return (
    <figure className="chart love-plot" data-testid="love-plot">
      <figcaption>
        <strong>Standardised differences before and after matching</strong>
        <span className="chart-switch" role="radiogroup" aria-label="Scale of the Love plot">
          <label className="radio">
            <input type="radio" checked={!signed} onChange={() => setSigned(false)} /> size |SMD|
          </label>
          <label className="radio">
            <input type="radio" checked={signed} onChange={() => setSigned(true)} /> signed SMD
          </label>
        </span>
        <ChartLegend
          entries={[
            { label: 'before matching', swatch: 'dot', className: 'dot-before' },
            { label: 'after: well matched', swatch: 'dot', fill: BAND_COLOUR.well },
            { label: 'reasonably', swatch: 'dot', fill: BAND_COLOUR.reasonably },
            { label: 'poorly', swatch: 'dot', fill: BAND_COLOUR.poorly },
            { label: `${bands.well} and ${bands.reasonably} thresholds`, swatch: 'line', className: 'threshold' },
          ]}
        />
      </figcaption>
      <svg width={LABEL_W + PLOT_W + RIGHT} height={height} viewBox={`0 0 ${LABEL_W + PLOT_W + RIGHT} ${height}`} role="img" aria-label={`Love plot of ${rows.length} balance rows`}>
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={plotBottom} className={t === 0 ? 'axis-zero' : 'gridline'} />
            <text x={x(t)} y={plotBottom + 16} textAnchor="middle" className="tick">
              {formatFixed(t, axis.dp)}
            </text>
          </g>
        ))}
        {thresholds.map((t) => (
          <line key={t} x1={x(t)} x2={x(t)} y1={TOP - 4} y2={plotBottom} className="threshold" />
        ))}
        <text x={LABEL_W + PLOT_W / 2} y={plotBottom + 34} textAnchor="middle" className="axis-title">
          {signed ? 'Standardised difference (%): treated minus comparison' : 'Size of the standardised difference, |SMD| (%)'}
        </text>
        {sorted.map((r, i) => {
          const y = TOP + i * ROW_H + ROW_H / 2;
          const before = value(r.smdBefore);
          const after = value(r.smdAfter);
          const label = balanceRowLabel(r);
          return (
            <g key={`${r.variable}|${r.level ?? ''}`} className="love-row">
              <title>
                {`${label}: before ${r.smdBefore === null ? 'n/a' : formatSigned(r.smdBefore, 1)}, after ${r.smdAfter === null ? 'n/a' : formatSigned(r.smdAfter, 1)} (${r.band} matched)`}
              </title>
              {i % 2 === 0 && <rect x={0} y={y - ROW_H / 2} width={LABEL_W + PLOT_W} height={ROW_H} className="stripe" />}
              <text x={LABEL_W - 8} y={y + 4} textAnchor="end" className="row-label">
                {shorten(label)}
              </text>
              {before !== null && after !== null && <line x1={x(before)} x2={x(after)} y1={y} y2={y} className="love-link" />}
              {before !== null && <circle cx={x(before)} cy={y} r={4.5} className="dot-before" />}
              {after !== null ? (
                <circle cx={x(after)} cy={y} r={5} fill={BAND_COLOUR[r.band]} />
              ) : (
                <text x={LABEL_W + PLOT_W - 4} y={y + 4} textAnchor="end" className="tick">
                  after: n/a
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
