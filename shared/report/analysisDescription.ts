// Plain words for an analysis's settings: its pool, what it matched on and how (the report's "Analyses" list and
// the methods annex).
import { SAME_AS_TREATMENT, type AnalysisSpec } from '../engine/analysisSpec';
import { formatFixed } from '../format/numberFormat';
import { listOf } from '../wording/matchingSummary';

const COVARIATE_WORDS: Record<string, string> = {
  age_at_index: 'age',
  ethnicity: 'ethnicity',
  uk_national: 'nationality',
  index_offence: 'index offence',
  index_disposal: 'index sentence',
  prev_offences: 'previous offences',
  prev_custodial: 'previous custodial sentences',
  'oasys_*': 'individual risks and needs (OASys)',
  'prev_*': 'criminal history',
  region: 'region',
  sex: 'sex',
};

export function covariateWords(name: string): string {
  if (COVARIATE_WORDS[name]) return COVARIATE_WORDS[name];
  if (name.startsWith('oasys_')) return `${name.slice(6).replace(/_/g, ' ')} (OASys)`;
  return name.replace(/\*$/, ' (all columns)').replace(/_/g, ' ');
}

/** True when the analysis is restricted to the treatment group's regions (region then acts as an exact-match variable). */
export function controlsForRegion(spec: AnalysisSpec): boolean {
  return spec.pool.region === SAME_AS_TREATMENT || spec.exact.includes('region');
}

export function poolWords(spec: AnalysisSpec): string {
  const filters = Object.entries(spec.pool);
  if (filters.length === 0) return 'every eligible record in the extract';
  return filters
    .map(([column, value]) => (value === SAME_AS_TREATMENT ? `records in the same ${column.replace(/_/g, ' ')} as the treatment group` : `records with ${column.replace(/_/g, ' ')} = ${value}`))
    .join(', ');
}

export function matchingWords(spec: AnalysisSpec): string {
  const m = spec.matching;
  const caliper = (c: number | undefined) => (c === undefined ? 'no caliper' : `caliper ${formatFixed(c, 2).replace(/0$/, '')} ${m.caliperUnit === 'sd' ? 'standard deviations of the logit score' : 'on the logit score'}`);
  if (m.method === 'radius') return `radius matching, one-to-many with replacement, ${caliper(m.caliper)}`;
  if (m.method === 'kernel') return `kernel (Epanechnikov) matching, bandwidth ${caliper(m.caliper).replace('caliper ', '')}`;
  return `nearest neighbour ${m.ratio}:1 matching ${m.replace ? 'with' : 'without'} replacement, ${caliper(m.caliper)}`;
}

/** "treatment group matched to records in ... using age, ethnicity and ..., exactly on sex". */
export function analysisSentence(spec: AnalysisSpec): string {
  const covariates = listOf(spec.covariates.map(covariateWords));
  const exact = spec.exact.length > 0 ? `, exactly on ${listOf(spec.exact.map(covariateWords))}` : '';
  return `treatment group matched to ${poolWords(spec)} using ${covariates}${exact}.`;
}
