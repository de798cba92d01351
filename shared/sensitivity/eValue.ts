// E-values (VanderWeele and Ding, Annals of Internal Medicine 2017; METHOD.md section 11): how strongly an
// unrecorded factor would have to be associated with both taking part and the outcome, on the risk-ratio scale,
// to explain an estimate (or its confidence bound nearest no difference) away.
import type { MeasureEstimate } from '../outcomes/estimateMeasure';

export interface EValue {
  /** y_T / y_C: the risk ratio for the rate, the ratio of mean counts for the frequency; null when y_C is 0 or unknown. */
  ratio: number | null;
  /** E-value of the estimate; null when it has no finite value (no ratio, or y_T = 0). */
  estimate: number | null;
  /** The CI bound nearest no difference on the ratio scale, (y_C + b) / y_C; null when the CI includes no difference or there is none. */
  boundRatio: number | null;
  /** E-value of that bound: 1 when the CI includes no difference; null when there is no CI (or no ratio). */
  bound: number | null;
}

/** E = RR + sqrt(RR x (RR - 1)), with RR replaced by 1/RR when RR < 1; null for RR <= 0 or not finite. */
export function eValueOfRatio(rr: number): number | null {
  if (!(rr > 0) || !Number.isFinite(rr)) return null;
  const r = rr < 1 ? 1 / rr : rr;
  return r + Math.sqrt(r * (r - 1));
}

type Figures = Pick<MeasureEstimate, 'treatmentMean' | 'comparisonMean' | 'ciLow' | 'ciHigh'>;

/**
 * E-values of a measure whose means are non-negative (a rate or a mean count). The CI is that of the difference
 * d = y_T - y_C; its bound b nearest no difference becomes the ratio (y_C + b) / y_C.
 */
export function measureEValue(m: Figures): EValue {
  const { treatmentMean: yT, comparisonMean: yC, ciLow, ciHigh } = m;
  if (yT === null || yC === null || !(yC > 0)) return { ratio: null, estimate: null, boundRatio: null, bound: null };
  const ratio = yT / yC;
  const estimate = eValueOfRatio(ratio);
  if (ciLow === null || ciHigh === null) return { ratio, estimate, boundRatio: null, bound: null };
  if (ciLow <= 0 && ciHigh >= 0) return { ratio, estimate, boundRatio: null, bound: 1 };
  const nearest = ciLow > 0 ? ciLow : ciHigh;
  const boundRatio = (yC + nearest) / yC;
  return { ratio, estimate, boundRatio, bound: eValueOfRatio(boundRatio) };
}
