// Love plot: each balance row's standardised difference before matching (hollow) and after (filled, coloured by
// band), the bands shaded; rows sorted by the size of the difference before matching. The geometry is the report's
// (shared/charts/lovePlotGeometry.ts), so the app and the report draw the same picture. In the app the plot is a
// listbox of its rows: one Tab stop, the arrow keys (and Home/End) move the selection, a click selects a row; the
// selection is the balance grid's and the distribution panel's.
import { useId, type KeyboardEvent } from 'react';
import type { BalanceRow } from '../../shared/engine/balance';
import type { Bands } from '../../shared/engine/analysisSpec';
import { LOVE, lovePlotGeometry } from '../../shared/charts/lovePlotGeometry';
import { ChartLegend } from './ChartLegend';
import { VerticalGridLines } from './GridLines';

const BAND_COLOUR = { well: 'var(--good)', reasonably: 'var(--warn)', poorly: 'var(--bad)' } as const;

function ClipMark({ at, side, y }: { at: number; side: -1 | 0 | 1; y: number }) {
  if (side === 0) return null;
  return <path className="clip" d={`M${at + side * 6} ${y - 4}l${side * 5} 4l${-side * 5} 4z`} />;
}

const STEP: Record<string, (k: number, last: number) => number> = {
  ArrowDown: (k, last) => Math.min(last, k + 1),
  ArrowRight: (k, last) => Math.min(last, k + 1),
  ArrowUp: (k) => Math.max(0, k - 1),
  ArrowLeft: (k) => Math.max(0, k - 1),
  Home: () => 0,
  End: (_k, last) => last,
};

/** `rows` are the rows shown (the balance grid's filter), `allRows` the whole table the axis is scaled to. */
export function LovePlot({ rows, allRows, bands, selectedKey, onSelect }: { rows: BalanceRow[]; allRows: BalanceRow[]; bands: Bands; selectedKey: string | null; onSelect: (key: string) => void }) {
  const g = lovePlotGeometry(rows, bands, allRows);
  const idPrefix = useId();
  const plotHeight = g.plotBottom - g.plotTop;
  const selected = g.rows.findIndex((r) => r.key === selectedKey);
  const optionId = (k: number) => `${idPrefix}-row-${k}`;
  const onKeyDown = (e: KeyboardEvent) => {
    const step = STEP[e.key];
    if (!step || g.rows.length === 0) return;
    e.preventDefault();
    // Nothing selected yet (the selection is filtered out): the first key press selects the first row.
    onSelect(g.rows[selected < 0 ? 0 : step(selected, g.rows.length - 1)].key);
  };
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
        <span className="muted small">Click a row, or Tab here and use the arrow keys, to see it in the grid and its distribution.</span>
      </figcaption>
      <svg
        width={g.width}
        height={g.height}
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="listbox"
        tabIndex={0}
        aria-label={`Love plot of ${rows.length} balance rows: choose a row`}
        aria-activedescendant={selected >= 0 ? optionId(selected) : undefined}
        onKeyDown={onKeyDown}
      >
        <g aria-hidden="true">
          <rect x={g.reasonably.x0} y={g.plotTop} width={g.reasonably.x1 - g.reasonably.x0} height={plotHeight} className="band-reasonably" />
          <rect x={g.well.x0} y={g.plotTop} width={g.well.x1 - g.well.x0} height={plotHeight} className="band-well" />
          <VerticalGridLines ticks={g.ticks.map((t) => ({ at: t.x, label: t.label }))} frame={g} />
          <line x1={g.zeroX} x2={g.zeroX} y1={g.plotTop} y2={g.plotBottom} className="axis-zero" />
          <text x={(g.plotLeft + g.plotRight) / 2} y={g.plotBottom + 32} textAnchor="middle" className="axis-title">
            {g.axisTitle}
          </text>
        </g>
        {g.rows.map((r, k) => (
          <g key={r.key} id={optionId(k)} role="option" aria-selected={k === selected} aria-label={r.description} className={k === selected ? 'love-row selected' : 'love-row'} data-key={r.key} onClick={() => onSelect(r.key)}>
            <title>{r.description}</title>
            {/* The whole row is the click target, label included: the dots alone are too small to hit. */}
            <rect x={0} y={r.y - LOVE.rowHeight / 2} width={g.width} height={LOVE.rowHeight} className="love-row-hit" />
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
