// What the plain-language statements need to know about the three headline measures.
import { roundTo } from '../format/numberFormat';
import type { MeasureEstimate } from '../outcomes/estimateMeasure';

export type HeadlineMeasure = 'rate' | 'frequency' | 'daysToFirst';

export type HeadlineFigures = Pick<MeasureEstimate, 'treatmentMean' | 'comparisonMean' | 'difference' | 'ciLow' | 'ciHigh'>;

/** Rates and frequencies are spoken of per 100 people, times in days. */
export function per100Scale(measure: HeadlineMeasure): number {
  return measure === 'daysToFirst' ? 1 : 100;
}

/** A figure as the sentences say it: per 100 people (or days), a whole number. */
export function spokenWhole(x: number, measure: HeadlineMeasure): number {
  return roundTo(x * per100Scale(measure), 0);
}

export type CiDirection = 'higher' | 'lower' | 'straddles';

/** Both bounds above 0, both below 0, or one on each side (or on 0). */
export function ciDirection(ciLow: number, ciHigh: number): CiDirection {
  if (ciLow > 0) return 'higher';
  if (ciHigh < 0) return 'lower';
  return 'straddles';
}
