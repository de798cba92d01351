// A chart's legend in HTML (it wraps instead of overlapping): each entry a small SVG swatch drawn with the same
// class as the mark it explains.
export type Swatch = 'bar' | 'line' | 'dot';

export interface LegendEntry {
  label: string;
  swatch: Swatch;
  /** The CSS class of the chart mark, so the swatch takes its colours. */
  className?: string;
  fill?: string;
}

export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="chart-legend">
      {entries.map((e) => (
        <li key={e.label}>
          <svg width={18} height={12} aria-hidden="true">
            {e.swatch === 'bar' && <rect x={1} y={1} width={16} height={10} className={e.className} fill={e.fill} />}
            {e.swatch === 'line' && <line x1={0} x2={18} y1={6} y2={6} className={e.className} />}
            {e.swatch === 'dot' && <circle cx={9} cy={6} r={4.5} className={e.className} fill={e.fill} />}
          </svg>
          {e.label}
        </li>
      ))}
    </ul>
  );
}
