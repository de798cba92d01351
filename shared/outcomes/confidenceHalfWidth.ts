// Half-width of one group's own confidence interval for its mean, for the charts' error bars.
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { GroupSummary } from './weightedMoments';

/** t(1 - alpha/2, n - 1) x s / sqrt(n), n the (effective) size; null when n <= 1 or s is unknown. */
export function confidenceHalfWidth(group: GroupSummary, alpha: number): number | null {
  if (!(group.n > 1) || !Number.isFinite(group.variance)) return null;
  return tQuantile(1 - alpha / 2, group.n - 1) * Math.sqrt(group.variance / group.n);
}
