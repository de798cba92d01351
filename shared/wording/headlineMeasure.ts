// What the plain-language statements need to know about the three headline measures.
import { formatFixed, roundTo, signShowingDecimals } from '../format/numberFormat';
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

/**
 * The size |x| of a CI bound as the sentences say it: whole per 100 people (or days), with as many decimals as
 * it takes for a bound that is not 0 not to read as 0 (METHOD.md section 8: "by between 0.3 and 73 days", never
 * "between 0 and 73" for a significant result).
 */
export function spokenBound(x: number, measure: HeadlineMeasure): string {
  const size = Math.abs(x * per100Scale(measure));
  return formatFixed(size, signShowingDecimals(size, 0));
}

export type CiDirection = 'higher' | 'lower' | 'straddles';

/** Both bounds above 0, both below 0, or one on each side (or on 0). */
export function ciDirection(ciLow: number, ciHigh: number): CiDirection {
  if (ciLow > 0) return 'higher';
  if (ciHigh < 0) return 'lower';
  return 'straddles';
}
