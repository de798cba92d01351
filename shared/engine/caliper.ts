// The caliper c of METHOD.md section 3, in logit units.
import type { CaliperUnit } from './analysisSpec';

/** Sample standard deviation (n - 1) of the logit score over all rows of the analysis (treated and pool). */
export function scoreStandardDeviation(score: Float64Array): number {
  const n = score.length;
  if (n < 2) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += score[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (score[i] - mean) * (score[i] - mean);
  return Math.sqrt(ss / (n - 1));
}

/** c = caliper x SD(score) for unit 'sd', c = caliper for unit 'logit'. */
export function caliperWidth(score: Float64Array, caliper: number, unit: CaliperUnit): number {
  return unit === 'sd' ? caliper * scoreStandardDeviation(score) : caliper;
}
