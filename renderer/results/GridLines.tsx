// A chart's light grid lines with their tick labels: vertical ones labelled under the plot, horizontal ones labelled
// to its left. Every SVG chart of the app draws its grid this way.
import type { PlotFrame } from '../../shared/charts/chartScale';

interface Tick {
  at: number;
  label: string;
}

export function VerticalGridLines({ ticks, frame }: { ticks: Tick[]; frame: Pick<PlotFrame, 'plotTop' | 'plotBottom'> }) {
  return ticks.map((t) => (
    <g key={t.at}>
      <line x1={t.at} x2={t.at} y1={frame.plotTop} y2={frame.plotBottom} className="gridline" />
      <text x={t.at} y={frame.plotBottom + 14} textAnchor="middle" className="tick">
        {t.label}
      </text>
    </g>
  ));
}

export function HorizontalGridLines({ ticks, frame }: { ticks: Tick[]; frame: Pick<PlotFrame, 'plotLeft' | 'plotRight'> }) {
  return ticks.map((t) => (
    <g key={t.at}>
      <line x1={frame.plotLeft} x2={frame.plotRight} y1={t.at} y2={t.at} className="gridline" />
      <text x={frame.plotLeft - 6} y={t.at + 4} textAnchor="end" className="tick">
        {t.label}
      </text>
    </g>
  ));
}
