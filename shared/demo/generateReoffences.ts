// Proven offences around each cohort record: the counted ones follow the record's one-year
// reoffending probability; the others sit just outside every window of DATA-FORMAT.md
// section 4 (index date itself, before it, day 366, proven after day 548, PNDs), so that an
// outcome derivation that gets a boundary wrong gives visibly wrong numbers.

import type { DemoCohort } from './generateCohort';
import { cumulativeWeights, Xoshiro128 } from './xoshiro128';

const FOLLOW_UP_DAYS = 365;
const PROOF_LIMIT_DAYS = 365 + 183;
/** Court outcome shares of counted reoffences, indexed like COURT_OUTCOMES (indictable, either_way, summary). */
const COURT_WEIGHTS = cumulativeWeights([8, 52, 40]);
const CUSTODIAL_SHARE_BY_COURT = [0.55, 0.22, 0.06];
const SUMMARY = 2;

export interface DemoReoffences {
  size: number;
  /** Person index into the cohort's people. */
  personOf: Int32Array;
  offenceDay: Int32Array;
  disposalDay: Int32Array;
  /** Index into COURT_OUTCOMES. */
  court: Int8Array;
  custodial: Uint8Array;
  pnd: Uint8Array;
}

/** How a participant's record departs from the generic draw. */
export interface ReoffenceOverride {
  /** Probability of at least one counted reoffence (the programme's effect applied). */
  p: number;
  /** No counted reoffence before this day after the index date (a treated participant's start). */
  earliestDay: number;
  /** When > 1: a counted reoffence is forced on a day in 1 .. forceBeforeDay-1 (reoffended before start). */
  forceBeforeDay: number;
}

class ReoffenceColumns {
  size = 0;
  personOf = new Int32Array(1024);
  offenceDay = new Int32Array(1024);
  disposalDay = new Int32Array(1024);
  court = new Int8Array(1024);
  custodial = new Uint8Array(1024);
  pnd = new Uint8Array(1024);

  constructor(private readonly extractDay: number) {}

  /** Adds an offence unless it was proven after the extract was taken. */
  push(person: number, offenceDay: number, disposalDay: number, court: number, custodial: number, pnd: number): void {
    if (disposalDay > this.extractDay) return;
    if (this.size === this.personOf.length) this.grow();
    const k = this.size++;
    this.personOf[k] = person;
    this.offenceDay[k] = offenceDay;
    this.disposalDay[k] = disposalDay;
    this.court[k] = court;
    this.custodial[k] = custodial;
    this.pnd[k] = pnd;
  }

  private grow(): void {
    const n = this.personOf.length * 2;
    const copy = <T extends Int32Array | Int8Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.personOf = copy(this.personOf, new Int32Array(n));
    this.offenceDay = copy(this.offenceDay, new Int32Array(n));
    this.disposalDay = copy(this.disposalDay, new Int32Array(n));
    this.court = copy(this.court, new Int8Array(n));
    this.custodial = copy(this.custodial, new Uint8Array(n));
    this.pnd = copy(this.pnd, new Uint8Array(n));
  }

  result(): DemoReoffences {
    const n = this.size;
    return {
      size: n, personOf: this.personOf.slice(0, n), offenceDay: this.offenceDay.slice(0, n),
      disposalDay: this.disposalDay.slice(0, n), court: this.court.slice(0, n),
      custodial: this.custodial.slice(0, n), pnd: this.pnd.slice(0, n),
    };
  }
}

/**
 * Offences of every record. `anchorRecord` gets an offence proven on the extract date itself, so
 * that the importer's default extract date (the latest disposal date) is exactly `extractDay`;
 * it must be a non-participant's record without complete follow-up.
 */
export function generateReoffences(
  cohort: DemoCohort,
  overrides: ReadonlyMap<number, ReoffenceOverride>,
  extractDay: number,
  anchorRecord: number,
  rng: Xoshiro128,
): DemoReoffences {
  const out = new ReoffenceColumns(extractDay);

  /** A counted reoffence: disposal within the waiting period, lag mostly a few weeks to months. */
  const counted = (person: number, index: number, day: number): void => {
    const court = rng.pick(COURT_WEIGHTS);
    let lag = Math.floor(rng.exponential(court === 0 ? 110 : 50));
    if (day + lag > PROOF_LIMIT_DAYS) lag = Math.floor(rng.exponential(30));
    const disposal = Math.min(PROOF_LIMIT_DAYS, day + lag);
    out.push(person, index + day, index + disposal, court, rng.chance(CUSTODIAL_SHARE_BY_COURT[court]) ? 1 : 0, 0);
  };
  /** An offence that is not counted for its own record; disposal follows it by a few weeks. */
  const uncounted = (person: number, index: number, day: number, disposal: number): void => {
    const court = rng.pick(COURT_WEIGHTS);
    out.push(person, index + day, index + disposal, court, rng.chance(CUSTODIAL_SHARE_BY_COURT[court]) ? 1 : 0, 0);
  };

  for (let i = 0; i < cohort.size; i++) {
    const person = cohort.personOf[i];
    const index = cohort.indexDay[i];
    const ov = overrides.get(i);
    const p = ov ? ov.p : cohort.p0[i];
    const earliest = ov ? ov.earliestDay : 1;

    let first = 0;
    if (ov && ov.forceBeforeDay > 1) {
      first = 1 + rng.int(ov.forceBeforeDay - 1);
    } else if (rng.chance(p)) {
      // First reoffences come early in the year (density falling with time, mean about day 120).
      const u = rng.uniform();
      first = earliest + Math.floor((FOLLOW_UP_DAYS + 1 - earliest) * u * u);
    }
    if (first > 0) {
      counted(person, index, first);
      // More offences for riskier people: about 2 + 4p offences per reoffender in all.
      const q = (1 + 4 * p) / (2 + 4 * p);
      const more = Math.min(30, Math.floor(Math.log(rng.uniform()) / Math.log(q)));
      for (let j = 0; j < more; j++) counted(person, index, first + rng.int(FOLLOW_UP_DAYS + 1 - first));
      if (rng.chance(0.03)) counted(person, index, FOLLOW_UP_DAYS);
    }

    if (rng.chance(0.25)) {
      const day = -1 - rng.int(60);
      uncounted(person, index, day, day + Math.floor(rng.exponential(30)));
    }
    if (rng.chance(0.03)) uncounted(person, index, 0, Math.floor(rng.exponential(40)));
    if (rng.chance(0.02)) uncounted(person, index, FOLLOW_UP_DAYS + 1, FOLLOW_UP_DAYS + 1 + Math.floor(rng.exponential(40)));
    if (rng.chance(0.08)) {
      const day = FOLLOW_UP_DAYS + 2 + rng.int(84);
      uncounted(person, index, day, day + Math.floor(rng.exponential(40)));
    }
    if (rng.chance(0.04)) {
      // Committed in the year but proven after the waiting period (30% on its first day).
      const disposal = rng.chance(0.3) ? PROOF_LIMIT_DAYS + 1 : PROOF_LIMIT_DAYS + 1 + rng.int(150);
      uncounted(person, index, 1 + rng.int(FOLLOW_UP_DAYS), disposal);
    }
    if (rng.chance(0.06)) {
      const day = 1 + rng.int(FOLLOW_UP_DAYS);
      out.push(person, index + day, index + day + rng.int(4), SUMMARY, 0, 1);
    }
  }

  const anchorIndex = cohort.indexDay[anchorRecord];
  out.push(cohort.personOf[anchorRecord], Math.max(anchorIndex + 1, extractDay - 40), extractDay, SUMMARY, 0, 0);
  return out.result();
}
