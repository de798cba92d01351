// Small hand-built extracts for the cohort tests: rows written as ISO dates, turned into arrays.

import type { CohortArrays, ParticipantRows, ReoffenceArrays } from './cohortArrays';
import { epochDayFromIso } from './epochDay';
import { COURT_OUTCOMES, type CourtOutcome } from './recordOutcomes';
import { numberPersons, personNumbersOf } from './personNumbers';

export const day = (iso: string): number => {
  const d = epochDayFromIso(iso);
  if (Number.isNaN(d)) throw new Error(`bad fixture date ${iso}`);
  return d;
};

export interface CohortRow {
  recordId: string;
  personId: string;
  index: string;
  dob: string;
  male?: boolean;
  region?: string;
}

/** The cohort's person columns from its person_id texts. */
export function cohortPersons(personId: string[]): Pick<CohortArrays, 'personId' | 'person' | 'persons'> {
  const persons = numberPersons(personId);
  return { personId, person: persons.ofRecord, persons: persons.count };
}

/** The reoffences' person numbers among `cohort`'s persons (-1 for others). */
export function offenderNumbers(cohort: CohortArrays, personIds: string[]): Int32Array {
  return personNumbersOf(numberPersons(cohort.personId), personIds);
}

export function cohortOf(rows: CohortRow[]): CohortArrays {
  const regionLevels = [...new Set(rows.map((r) => r.region ?? 'London'))];
  return {
    recordId: rows.map((r) => r.recordId),
    ...cohortPersons(rows.map((r) => r.personId)),
    indexDay: Int32Array.from(rows, (r) => day(r.index)),
    dobDay: Int32Array.from(rows, (r) => day(r.dob)),
    male: Uint8Array.from(rows, (r) => (r.male === false ? 0 : 1)),
    region: Uint16Array.from(rows, (r) => regionLevels.indexOf(r.region ?? 'London')),
    regionLevels,
  };
}

export interface OffenceRow {
  personId: string;
  offence: string;
  disposal: string;
  court?: CourtOutcome;
  custodial?: boolean;
  pnd?: boolean;
}

/** The offences of `cohort`'s persons (and of others, numbered -1). */
export function reoffencesOf(rows: OffenceRow[], cohort: CohortArrays): ReoffenceArrays {
  return {
    person: offenderNumbers(cohort, rows.map((r) => r.personId)),
    offenceDay: Int32Array.from(rows, (r) => day(r.offence)),
    disposalDay: Int32Array.from(rows, (r) => day(r.disposal)),
    court: Int8Array.from(rows, (r) => COURT_OUTCOMES.indexOf(r.court ?? 'summary')),
    custodial: Uint8Array.from(rows, (r) => (r.custodial ? 1 : 0)),
    pnd: Uint8Array.from(rows, (r) => (r.pnd ? 1 : 0)),
  };
}

export interface ParticipantRow {
  ref: string;
  personId: string;
  start: string;
  end?: string;
}

export function participantsOf(rows: ParticipantRow[]): ParticipantRows {
  return {
    participantRef: rows.map((r) => r.ref),
    personId: rows.map((r) => r.personId),
    startDay: Int32Array.from(rows, (r) => day(r.start)),
    endDay: Float64Array.from(rows, (r) => (r.end ? day(r.end) : NaN)),
  };
}
