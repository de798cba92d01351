// Welch's unequal-variance t-test of treatment minus comparison (METHOD.md section 6).
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { GroupSummary } from './weightedMoments';

export interface WelchTest {
  /** d = y_T - y_C */
  difference: number;
  /** sqrt(s_T^2/n_T + s_C^2/n_C); null when it cannot be computed. */
  standardError: number | null;
  /** Welch-Satterthwaite degrees of freedom; null with the standard error. */
  df: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Two-sided p-value. */
  p: number | null;
  /** p <= alpha */
  significant: boolean;
  /** Why the CI and p are null, as a sentence; null when they exist. */
  unavailableReason: string | null;
}

function unavailable(difference: number, unavailableReason: string): WelchTest {
  return { difference, standardError: null, df: null, ciLow: null, ciHigh: null, p: null, significant: false, unavailableReason };
}

/** CI d +/- t(1 - alpha/2, df) SE, df = (a + b)^2 / (a^2/(n_T - 1) + b^2/(n_C - 1)), a = s_T^2/n_T, b = s_C^2/n_C. */
export function welchTest(treatment: GroupSummary, comparison: GroupSummary, alpha: number): WelchTest {
  const difference = treatment.mean - comparison.mean;
  if (!(treatment.n >= 2) || !Number.isFinite(treatment.variance)) {
    return unavailable(difference, 'The treatment group has fewer than 2 people for this measure, so no confidence interval or p-value can be given.');
  }
  // An effective size of 1 (one record, or all weight on one record) leaves no comparison variance.
  if (!(comparison.n > 1) || !Number.isFinite(comparison.variance)) {
    return unavailable(difference, 'The comparison group is too small for this measure (effective size 1 or less), so no confidence interval or p-value can be given.');
  }
  const a = treatment.variance / treatment.n;
  const b = comparison.variance / comparison.n;
  const standardError = Math.sqrt(a + b);
  if (standardError === 0) {
    return unavailable(difference, 'Every person in both groups has the same value for this measure, so the difference has no standard error: no confidence interval or p-value can be given.');
  }
  const df = (a + b) ** 2 / (a ** 2 / (treatment.n - 1) + b ** 2 / (comparison.n - 1));
  const margin = tQuantile(1 - alpha / 2, df) * standardError;
  // 2 x lower tail of -|t| keeps precision for tiny p-values (1 - cdf would round to 0).
  const p = Math.min(1, 2 * tCdf(-Math.abs(difference) / standardError, df));
  return {
    difference,
    standardError,
    df,
    ciLow: difference - margin,
    ciHigh: difference + margin,
    p,
    significant: p <= alpha,
    unavailableReason: null,
  };
}
