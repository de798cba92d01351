// One outcome measure's estimate from the two groups' summaries: the figures of a results.json measure
// before the reporting gates (METHOD.md sections 6-7).
import { confidenceHalfWidth } from './confidenceHalfWidth';
import { sampleSizeNeeded } from './sampleSizeNeeded';
import { welchTest } from './welchTest';
import type { GroupSummary } from './weightedMoments';

/** The comparison group's summary (n = effective size) and its number of records with w > 0. */
export interface ComparisonSummary extends GroupSummary {
  records: number;
}

export interface EstimateSettings {
  /** Two-sided significance level, e.g. 0.05. */
  alpha: number;
  /** Power for the sample size needed, e.g. 0.95. */
  power: number;
}

/** Means, differences and bounds in natural units; a value that cannot be computed is null (never NaN, which JSON cannot hold). */
export interface MeasureEstimate {
  nTreatment: number;
  /** Comparison records with w > 0 in this measure's population. */
  nComparison: number;
  /** (sum w)^2 / sum w^2 of the comparison group in this population. */
  effectiveSize: number;
  treatmentMean: number | null;
  comparisonMean: number | null;
  /** treatmentMean - comparisonMean */
  difference: number | null;
  standardError: number | null;
  df: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p: number | null;
  significant: boolean;
  /** Treatment group size needed to detect this difference (printed for the rate only). */
  numberNeeded: number | null;
  /** Each group's own CI half-width, for the charts. */
  treatmentHalfWidth: number | null;
  comparisonHalfWidth: number | null;
  /** n_T x y_T: the treatment group's number of events (people, offences, sentences). */
  events: number;
  /** Why the CI and p are null, as a sentence for the UI; null when they exist. */
  unavailableReason: string | null;
}

const finiteOrNull = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

export function estimateMeasure(treatment: GroupSummary, comparison: ComparisonSummary, settings: EstimateSettings): MeasureEstimate {
  const test = welchTest(treatment, comparison, settings.alpha);
  const difference = finiteOrNull(test.difference);
  let unavailableReason = test.unavailableReason;
  if (treatment.n === 0) unavailableReason = 'Nobody in the treatment group is in this measure’s population.';
  else if (comparison.records === 0) unavailableReason = 'Nobody in the comparison group is in this measure’s population.';
  return {
    nTreatment: treatment.n,
    nComparison: comparison.records,
    effectiveSize: comparison.n,
    treatmentMean: finiteOrNull(treatment.mean),
    comparisonMean: finiteOrNull(comparison.mean),
    difference,
    standardError: test.standardError,
    df: test.df,
    ciLow: test.ciLow,
    ciHigh: test.ciHigh,
    p: test.p,
    significant: test.significant,
    numberNeeded: difference === null ? null : sampleSizeNeeded(treatment.variance, difference, settings.alpha, settings.power),
    treatmentHalfWidth: confidenceHalfWidth(treatment, settings.alpha),
    comparisonHalfWidth: confidenceHalfWidth(comparison, settings.alpha),
    // toPrecision(12) drops float noise such as 71 x (44/71) = 44.00000000000001, which would upset the >= 10 gate.
    events: treatment.n > 0 ? Number((treatment.n * treatment.mean).toPrecision(12)) : 0,
    unavailableReason,
  };
}
