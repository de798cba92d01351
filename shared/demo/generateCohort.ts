// Synthetic cohort records: people with one to four index events, their demographics,
// criminal history, OASys items and a true one-year probability of proven reoffending.

import { ageInWholeYears } from '../cohort/ageInWholeYears';
import { epochDayFromCivil } from '../cohort/epochDay';
import {
  DISPOSAL_RISK, ETHNICITY_WEIGHTS_ELSEWHERE, ETHNICITY_WEIGHTS_LONDON, LONDON, OASYS_ITEMS,
  OASYS_LOADING, OASYS_RISK, OFFENCE_RISK, OFFENCE_SERIOUSNESS, OFFENCE_WEIGHTS_MEN,
  OFFENCE_WEIGHTS_WOMEN, PREV_COLUMNS, REGION_WEIGHTS,
} from './demoVocabulary';
import { cumulativeWeights, Xoshiro128 } from './xoshiro128';

/** Index dates fall in these years; the extract is taken a quarter after the last. */
export const DEMO_FIRST_INDEX_DAY = epochDayFromCivil(2011, 1, 1);
export const DEMO_LAST_INDEX_DAY = epochDayFromCivil(2018, 12, 31);
export const DEMO_EXTRACT_DAY = epochDayFromCivil(2019, 3, 31);
/**
 * A person's index dates are at least this far apart, so that no offence generated around one
 * record (from 60 days before to 450 days after its index date) falls in another record's
 * follow-up year: each record's true outcome is then exactly what the generator drew for it.
 */
export const DEMO_MIN_RECORD_GAP = 730;

/** Target mean one-year proven reoffending probability over all records. */
const TARGET_RATE = 0.5;
const RECORDS_PER_PERSON = cumulativeWeights([65, 22, 9, 4]);
const WHITE = 0;

export interface DemoCohort {
  size: number;
  personCount: number;
  /** Person index (0-based) of each record; a person's records are consecutive, by index date. */
  personOf: Int32Array;
  indexDay: Int32Array;
  dobDay: Int32Array;
  male: Uint8Array;
  /** Index into REGIONS. */
  region: Uint8Array;
  /** Index into ETHNICITIES. */
  ethnicity: Uint8Array;
  ukNational: Uint8Array;
  /** Index into OFFENCE_GROUPS. */
  offence: Uint8Array;
  /** Index into DISPOSALS. */
  disposal: Uint8Array;
  /** Counts, in PREV_COLUMNS order. */
  prev: Int32Array[];
  /** Items 0/1/2 in OASYS_ITEMS order; -1 = not assessed. */
  oasys: Int8Array[];
  /** Log-odds of reoffending explained by the recorded covariates (no intercept): selection into the programme follows it. */
  riskScore: Float64Array;
  /** True one-year probability of a proven reoffence without the programme. */
  p0: Float64Array;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Intercept b with mean(sigmoid(b + lp)) = target, by bisection (the mean rises with b). */
function calibrateIntercept(lp: Float64Array, target: number): number {
  let lo = -15;
  let hi = 15;
  for (let it = 0; it < 50; it++) {
    const mid = (lo + hi) / 2;
    let sum = 0;
    for (let i = 0; i < lp.length; i++) sum += sigmoid(mid + lp[i]);
    if (sum / lp.length < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function generateCohort(size: number, rng: Xoshiro128): DemoCohort {
  const personOf = new Int32Array(size);
  const indexDay = new Int32Array(size);
  const dobDay = new Int32Array(size);
  const male = new Uint8Array(size);
  const region = new Uint8Array(size);
  const ethnicity = new Uint8Array(size);
  const ukNational = new Uint8Array(size);
  const offence = new Uint8Array(size);
  const disposal = new Uint8Array(size);
  const prev = PREV_COLUMNS.map(() => new Int32Array(size));
  const oasys = OASYS_ITEMS.map(() => new Int8Array(size));
  const riskScore = new Float64Array(size);
  const fullLogit = new Float64Array(size);
  const span = DEMO_LAST_INDEX_DAY - DEMO_FIRST_INDEX_DAY;
  const gaps = [0, 0, 0, 0];

  let i = 0;
  let person = 0;
  while (i < size) {
    const k = Math.min(rng.pick(RECORDS_PER_PERSON) + 1, size - i);
    let total = 0;
    for (let j = 1; j < k; j++) total += gaps[j] = DEMO_MIN_RECORD_GAP + rng.int(200);
    let day = DEMO_FIRST_INDEX_DAY + rng.int(span - total + 1);
    // About 4% of people are first seen as 16 or 17 year olds, so some records are of juveniles.
    const firstAge = rng.chance(0.04) ? 16 + 2 * rng.uniform() : Math.min(80, 18 + 11 * Math.exp(0.5 * rng.normal()));
    const dob = day - Math.round(firstAge * 365.2425);
    const isMale = rng.chance(0.85) ? 1 : 0;
    const reg = rng.pick(REGION_WEIGHTS);
    const eth = rng.pick(reg === LONDON ? ETHNICITY_WEIGHTS_LONDON : ETHNICITY_WEIGHTS_ELSEWHERE);
    const uk = rng.chance(eth === WHITE ? 0.95 : reg === LONDON ? 0.7 : 0.8) ? 1 : 0;
    const latent = rng.normal();
    const custodyShare = Math.min(0.6, Math.max(0, 0.12 + 0.06 * latent + 0.05 * rng.normal()));
    let previousOffences = 0;

    for (let j = 0; j < k; j++, i++) {
      if (j > 0) day += gaps[j];
      personOf[i] = person;
      indexDay[i] = day;
      dobDay[i] = dob;
      male[i] = isMale;
      region[i] = reg;
      ethnicity[i] = eth;
      ukNational[i] = uk;
      const age = ageInWholeYears(dob, day);
      const off = rng.pick(isMale ? OFFENCE_WEIGHTS_MEN : OFFENCE_WEIGHTS_WOMEN);
      offence[i] = off;

      // Criminal history grows with latent criminality and years at risk, and with each record.
      const history = Math.floor(Math.exp(1.5 + 0.6 * latent + 0.6 * Math.log1p(Math.max(0, age - 16) / 5) + 0.4 * rng.normal()));
      const prevOffences = Math.min(300, Math.max(previousOffences + 1 + rng.int(6), history));
      previousOffences = prevOffences;
      const prevCustodial = Math.floor(prevOffences * custodyShare * (0.6 + 0.8 * rng.uniform()));
      const prevCommunity = Math.floor(prevOffences * Math.min(0.5, Math.max(0, 0.2 + 0.05 * rng.normal())));
      const prevBreaches = Math.floor(prevCommunity * 0.7 * rng.uniform());
      prev[0][i] = prevOffences;
      prev[1][i] = prevCustodial;
      prev[2][i] = prevCommunity;
      prev[3][i] = prevBreaches;

      const seriousness = OFFENCE_SERIOUSNESS[off];
      const custody = rng.chance(sigmoid(-0.9 + 0.4 * latent + 0.5 * Math.log1p(prevCustodial) + 0.6 * seriousness));
      let disp = 0;
      if (custody) {
        const u = rng.uniform();
        const long = 0.15 + 0.2 * seriousness;
        disp = u < 0.62 - long ? 1 : u < 0.85 - long / 2 ? 2 : u < 0.97 - long / 8 ? 3 : 4;
      }
      disposal[i] = disp;

      // OASys: assessed for about 60% of records, more often after custody.
      const assessed = rng.chance(custody ? 0.66 : 0.56);
      let oasysRisk = 0;
      for (let q = 0; q < OASYS_ITEMS.length; q++) {
        if (!assessed) {
          oasys[q][i] = -1;
          continue;
        }
        const s = OASYS_LOADING[q] * latent + 0.75 * rng.normal() + (q === 4 && (off === 4 || off === 3) ? 0.5 : 0);
        const v = s < -0.25 ? 0 : s < 0.85 ? 1 : 2;
        oasys[q][i] = v;
        oasysRisk += OASYS_RISK[q] * (v - 0.8);
      }

      const score = -0.03 * (age - 30) + 0.25 * isMale + 0.45 * Math.log1p(prevOffences) + 0.2 * Math.log1p(prevCustodial) +
        0.15 * Math.log1p(prevBreaches) + DISPOSAL_RISK[disp] + OFFENCE_RISK[off] + oasysRisk;
      riskScore[i] = score;
      // Record-level noise the covariates do not explain, independent of selection into the programme.
      fullLogit[i] = score + 0.5 * rng.normal();
    }
    person++;
  }

  const intercept = calibrateIntercept(fullLogit, TARGET_RATE);
  const p0 = new Float64Array(size);
  for (let r = 0; r < size; r++) p0[r] = sigmoid(intercept + fullLogit[r]);
  return {
    size, personCount: person, personOf, indexDay, dobDay, male, region, ethnicity, ukNational,
    offence, disposal, prev, oasys, riskScore, p0,
  };
}
