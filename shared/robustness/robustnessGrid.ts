// The specification grid of METHOD.md section 12: which matchings and covariate sets a robustness check runs.
import { z } from 'zod';
import type { AnalysisSpec, MatchingSpec } from '../engine/analysisSpec';

/** Calipers of the grid, in SD units of the logit score. */
export const GRID_CALIPERS = [0.05, 0.1, 0.2, 0.5] as const;

/** The methods of the grid; "nearest" ones are also run without a caliper. */
const GRID_METHODS = [
  { method: 'radius' },
  { method: 'nearest', ratio: 1, replace: false },
  { method: 'nearest', ratio: 3, replace: true },
  { method: 'kernel' },
] as const;

/**
 * Every method with every caliper, and nearest neighbour also without one: 4 + 5 + 5 + 4 = 18 matchings per
 * covariate set. Decision: METHOD.md's "(none for nearest without caliper)" is read as one more caliper value,
 * "none", that only nearest neighbour can take (radius and kernel need a width).
 */
export function gridMatchings(): MatchingSpec[] {
  const out: MatchingSpec[] = [];
  for (const m of GRID_METHODS) {
    if (m.method === 'nearest') out.push({ ...m, caliperUnit: 'sd' });
    for (const caliper of GRID_CALIPERS) out.push({ ...m, caliper, caliperUnit: 'sd' } as MatchingSpec);
  }
  return out;
}

/** Two matchings that make the same groups from the same score. */
export function sameMatching(a: MatchingSpec, b: MatchingSpec): boolean {
  if (a.method !== b.method) return false;
  if (a.method === 'nearest' && b.method === 'nearest' && (a.ratio !== b.ratio || a.replace !== b.replace)) return false;
  if (a.caliper === undefined || b.caliper === undefined) return a.caliper === b.caliper;
  return a.caliper === b.caliper && a.caliperUnit === b.caliperUnit;
}

/** A covariate set the analyst names; covariates as in SPEC.json (a name, or a prefix ending in `*`). */
export const covariateSetSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    covariates: z.array(z.string().trim().min(1).max(200)).min(1).max(200),
  })
  .strict();
export type CovariateSet = z.output<typeof covariateSetSchema>;

export const OWN_SET = 'The analysis’s own covariates';
export const WITHOUT_OASYS_SET = 'Without OASys items';

/** OASys risk/need items are the cohort's `oasys_*` columns (DATA-FORMAT.md). */
const isOasys = (covariate: string): boolean => covariate.startsWith('oasys_');

/**
 * The analysis's own covariates, the same without OASys items, then the analyst's sets, in that order. A set that
 * resolves to the same columns as an earlier one is dropped when the check runs (runRobustness), so that no
 * specification is counted twice; "without OASys" is left out here when nothing would be left.
 */
export function covariateSets(analysis: AnalysisSpec, extra: readonly CovariateSet[]): CovariateSet[] {
  const withoutOasys = analysis.covariates.filter((c) => !isOasys(c));
  return [
    { name: OWN_SET, covariates: analysis.covariates },
    ...(withoutOasys.length > 0 ? [{ name: WITHOUT_OASYS_SET, covariates: withoutOasys }] : []),
    ...extra,
  ];
}

/** "Radius, caliper 0.2 SD", "Nearest 1:1 without replacement, no caliper", ... */
export function matchingLabel(m: MatchingSpec): string {
  const width = (caliper: number | undefined, unit: string) =>
    caliper === undefined ? 'no caliper' : `caliper ${caliper} ${unit === 'sd' ? 'SD' : 'on the logit scale'}`;
  switch (m.method) {
    case 'radius':
      return `Radius, ${width(m.caliper, m.caliperUnit)}`;
    case 'kernel':
      return `Kernel, bandwidth ${m.caliper} ${m.caliperUnit === 'sd' ? 'SD' : 'on the logit scale'}`;
    case 'nearest':
      return `Nearest 1:${m.ratio} ${m.replace ? 'with' : 'without'} replacement, ${width(m.caliper, m.caliperUnit)}`;
  }
}
