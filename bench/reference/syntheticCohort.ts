// A seeded synthetic cohort with the DATA-FORMAT.md covariate roles, for the engine benchmark and the R reference
// fixture (the demo generator did not exist when these were written). About 40 design columns: age, ethnicity
// (6 levels + missing), uk_national (+ missing), index_offence (12), index_disposal (5), three prev_* counts and
// eight oasys_* items (0/1/2, blank when not assessed). Treatment depends on the covariates, so matching has work.
import type { Column } from '../../shared/engine/column';
import type { CohortTable } from '../../shared/engine/prepareAnalysis';

export interface SyntheticCohort {
  table: CohortTable;
  treated: Uint8Array;
  eligiblePool: Uint8Array;
}

/** mulberry32: a small seeded generator, uniform on [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['East Midlands', 'East of England', 'London', 'North East', 'North West', 'South East', 'South West', 'Wales', 'West Midlands', 'Yorkshire and the Humber'];
const ETHNICITIES = ['White', 'Black', 'Asian', 'Mixed', 'Other', 'Unknown'];
const ETHNICITY_WEIGHTS = [0.72, 0.1, 0.08, 0.05, 0.02, 0.03];
const OFFENCES = ['burglary', 'criminal_damage', 'drugs', 'fraud', 'motoring', 'other', 'public_order', 'robbery', 'sexual', 'summary_non_motoring', 'theft', 'violence'];
const DISPOSALS = ['non_custodial', 'custody_lt_6m', 'custody_6_12m', 'custody_1_4y', 'custody_4y_plus'];
const DISPOSAL_WEIGHTS = [0.6, 0.2, 0.08, 0.1, 0.02];
const OASYS = ['oasys_accommodation', 'oasys_alcohol', 'oasys_attitudes', 'oasys_drugs', 'oasys_education', 'oasys_finance', 'oasys_relationships', 'oasys_thinking'];

function pick(random: () => number, weights: readonly number[]): number {
  let u = random() * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k];
    if (u < 0) return k;
  }
  return weights.length - 1;
}

/** Poisson draw by inversion (small means only). */
function poisson(random: () => number, mean: number): number {
  let k = 0, p = Math.exp(-mean), s = p;
  const u = random();
  while (u > s && k < 200) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

/** n records, about nTreated of them treated (drawn with probability proportional to exp of a covariate index). */
export function syntheticCohort(n: number, nTreated: number, seed: number): SyntheticCohort {
  const random = seededRandom(seed);
  const width = String(n).length + 1;
  const recordIds = Array.from({ length: n }, (_, i) => `R${String(i + 1).padStart(width, '0')}`);
  const cat = (name: string, levels: string[]): { column: Column & { kind: 'categorical' }; codes: Int32Array } => {
    const codes = new Int32Array(n);
    return { column: { kind: 'categorical', name, codes, levels }, codes };
  };
  const num = (name: string): { column: Column & { kind: 'numeric' }; values: Float64Array } => {
    const values = new Float64Array(n);
    return { column: { kind: 'numeric', name, values }, values };
  };
  const sex = cat('sex', ['M', 'F']);
  const region = cat('region', REGIONS);
  const ethnicity = cat('ethnicity', ETHNICITIES);
  const offence = cat('index_offence', OFFENCES);
  const disposal = cat('index_disposal', DISPOSALS);
  const ukNational = num('uk_national');
  const age = num('age_at_index');
  const prevOffences = num('prev_offences');
  const prevCustodial = num('prev_custodial');
  const prevViolent = num('prev_violent');
  const oasys = OASYS.map((name) => num(name));
  const index = new Float64Array(n);

  for (let i = 0; i < n; i++) {
    sex.codes[i] = random() < 0.85 ? 0 : 1;
    region.codes[i] = Math.floor(random() * REGIONS.length);
    ethnicity.codes[i] = random() < 0.04 ? -1 : pick(random, ETHNICITY_WEIGHTS);
    offence.codes[i] = Math.floor(random() * OFFENCES.length);
    disposal.codes[i] = pick(random, DISPOSAL_WEIGHTS);
    ukNational.values[i] = random() < 0.05 ? Number.NaN : random() < 0.88 ? 1 : 0;
    age.values[i] = 18 + Math.floor(-Math.log(1 - random()) * 14);
    prevOffences.values[i] = poisson(random, 2 + 10 * random());
    prevCustodial.values[i] = poisson(random, 0.2 * prevOffences.values[i]);
    prevViolent.values[i] = poisson(random, 0.15 * prevOffences.values[i]);
    const assessed = random() < 0.6;
    let need = 0;
    for (const item of oasys) {
      const v = assessed && random() >= 0.03 ? pick(random, [0.45, 0.35, 0.2]) : Number.NaN;
      item.values[i] = v;
      if (!Number.isNaN(v)) need += v;
    }
    index[i] = 0.025 * (age.values[i] - 30) + 0.06 * prevOffences.values[i] + 0.3 * (disposal.codes[i] > 0 ? 1 : 0)
      + 0.1 * need + (region.codes[i] === 2 ? 0.5 : 0) + (ethnicity.codes[i] === 1 ? 0.3 : 0);
  }
  // Treated: probability proportional to exp(index), scaled to the wanted count.
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.exp(index[i]);
  const treated = new Uint8Array(n);
  const eligiblePool = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    treated[i] = random() < Math.min(1, (nTreated * Math.exp(index[i])) / total) ? 1 : 0;
    eligiblePool[i] = 1 - treated[i];
  }
  const columns = new Map<string, Column>();
  for (const c of [sex, region, ethnicity, ukNational, offence, disposal, age, prevOffences, prevCustodial, prevViolent, ...oasys]) {
    columns.set(c.column.name, c.column);
  }
  return { table: { recordIds, columns }, treated, eligiblePool };
}

/** The covariates of the National preset plus prev_violent: about 40 design columns on this cohort. */
export const SYNTHETIC_COVARIATES = ['age_at_index', 'ethnicity', 'uk_national', 'index_offence', 'index_disposal', 'prev_*', 'oasys_*'];
