// Treatment group size needed to detect the observed difference (METHOD.md section 7).
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * n = (z(1 - alpha/2) + z(power))^2 x s_T^2 / d^2, rounded up; the comparison mean is taken as fixed,
 * so only the treatment variance enters. Null when d = 0 (no size detects it) or s_T^2 is not
 * positive (no variation: the formula says 0, which means nothing).
 */
export function sampleSizeNeeded(treatmentVariance: number, difference: number, alpha: number, power: number): number | null {
  if (difference === 0 || !(treatmentVariance > 0) || !Number.isFinite(difference)) return null;
  const z = normalQuantile(1 - alpha / 2, 0, 1) + normalQuantile(power, 0, 1);
  const n = (z * z * treatmentVariance) / (difference * difference);
  // A relative 1e-12 margin stops float noise on an exact whole number (e.g. 1032.0000000000002) adding 1.
  return Math.ceil(n * (1 - 1e-12));
}
