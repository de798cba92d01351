// The categories of a synthetic English and Welsh offender cohort, with the shares and risk
// coefficients the demo generator uses. Shares are rough orders of magnitude from published
// proven-reoffending statistics, not official figures.

import { cumulativeWeights } from './xoshiro128';

export const REGIONS = [
  'North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands',
  'East of England', 'London', 'South East', 'South West', 'Wales',
] as const;
export const REGION_WEIGHTS = cumulativeWeights([6, 14, 10, 8, 10, 9, 16, 12, 8, 7]);
export const LONDON = REGIONS.indexOf('London');

export const ETHNICITIES = ['White', 'Black', 'Asian', 'Mixed', 'Other', 'Unknown'] as const;
export const ETHNICITY_WEIGHTS_LONDON = cumulativeWeights([50, 25, 12, 8, 2, 3]);
export const ETHNICITY_WEIGHTS_ELSEWHERE = cumulativeWeights([82, 5, 6, 4, 1, 2]);

export const OFFENCE_GROUPS = [
  'Violence against the person', 'Sexual offences', 'Robbery', 'Burglary', 'Theft',
  'Criminal damage and arson', 'Drug offences', 'Possession of weapons', 'Public order offences',
  'Fraud', 'Summary motoring', 'Miscellaneous crimes against society',
] as const;
export const OFFENCE_WEIGHTS_MEN = cumulativeWeights([21, 3, 3, 6, 20, 5, 13, 4, 8, 3, 9, 5]);
export const OFFENCE_WEIGHTS_WOMEN = cumulativeWeights([18, 0.3, 1.5, 3, 34, 5, 9, 2, 8, 7, 6, 6]);
/** Seriousness 0 (low) to 2 (high): shifts index disposals towards longer custody. */
export const OFFENCE_SERIOUSNESS = [1, 2, 2, 1, 0, 0, 1, 1, 0, 1, 0, 0];
/** Log-odds of one-year proven reoffending by index offence group. */
export const OFFENCE_RISK = [0, -0.8, 0.2, 0.35, 0.45, 0.1, 0.1, 0, 0.1, -0.35, -0.35, 0];

export const DISPOSALS = ['non_custodial', 'custody_lt_6m', 'custody_6_12m', 'custody_1_4y', 'custody_4y_plus'] as const;
/** Log-odds of one-year proven reoffending by index disposal (short custody reoffends most). */
export const DISPOSAL_RISK = [0, 0.4, 0.2, -0.05, -0.4];

export const PREV_COLUMNS = ['prev_offences', 'prev_custodial', 'prev_community', 'prev_breaches'] as const;

export const OASYS_ITEMS = [
  'oasys_accommodation', 'oasys_employment', 'oasys_finance', 'oasys_relationships',
  'oasys_drugs', 'oasys_alcohol', 'oasys_thinking', 'oasys_attitudes',
] as const;
/** How strongly each item follows a person's latent criminality. */
export const OASYS_LOADING = [0.55, 0.6, 0.5, 0.4, 0.65, 0.3, 0.6, 0.55];
/** Log-odds of one-year proven reoffending per point (0/1/2) of each item. */
export const OASYS_RISK = [0.12, 0.1, 0.05, 0.03, 0.15, 0.04, 0.1, 0.1];
