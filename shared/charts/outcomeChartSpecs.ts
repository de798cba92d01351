// What the charts of the three headline measures say, in the app and the report alike: title, axis, the unit
// drawn (a rate in %), and the caption on the difference.
import type { MeasureUnit } from '../format/numberFormat';
import type { HeadlineMeasure } from '../wording/headlineMeasure';

export interface OutcomeChartSpec {
  measure: HeadlineMeasure;
  unit: MeasureUnit;
  title: (organisation: string) => string;
  axis: string;
  /** Values are drawn x scale: a rate in %. */
  scale: number;
}

export const OUTCOME_CHARTS: OutcomeChartSpec[] = [
  { measure: 'rate', unit: 'rate', scale: 100, axis: 'Proven reoffenders (%)', title: (org) => `One-year proven reoffending rate after participation in ${org}` },
  { measure: 'frequency', unit: 'frequency', scale: 1, axis: 'Proven reoffences per person', title: (org) => `One-year proven reoffending frequency after participation in ${org}` },
  { measure: 'daysToFirst', unit: 'days', scale: 1, axis: 'Days (reoffenders only)', title: (org) => `Average time to first proven reoffence after participation in ${org}` },
];

export const SIGNIFICANT_CAPTION = 'Significant difference between groups';
export const NON_SIGNIFICANT_CAPTION = 'Non-significant difference between groups';
export const ERROR_BARS_NOTE = 'Error bars: 95% confidence interval of each group';
