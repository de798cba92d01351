// The imported extract as the derivation sees it: parallel arrays, one entry per row, dates as
// whole days since 1970-01-01 UTC (see epochDay.ts). The store loader builds these from SQLite.

/** Cohort records (DATA-FORMAT.md section 1), the columns the derivation and the funnel need. */
export interface CohortArrays {
  recordId: string[];
  personId: string[];
  /** Each record's person number (personNumbers.ts: by first appearance in this order). */
  person: Int32Array;
  /** Distinct persons. */
  persons: number;
  indexDay: Int32Array;
  dobDay: Int32Array;
  /** 1 = M (man), 0 = F (woman). */
  male: Uint8Array;
  /** Index into `regionLevels`. */
  region: Uint16Array;
  regionLevels: string[];
}

/** Proven offences (DATA-FORMAT.md section 2). */
export interface ReoffenceArrays {
  /** The offender's number among the cohort's persons (CohortArrays.person), -1 when not in the cohort. */
  person: Int32Array;
  offenceDay: Int32Array;
  disposalDay: Int32Array;
  /** Index into COURT_OUTCOMES (0 indictable, 1 either_way, 2 summary). */
  court: Int8Array;
  /** 1 when the disposal was a custodial sentence. */
  custodial: Uint8Array;
  /** 1 for a penalty notice for disorder (blank imports as 0). */
  pnd: Uint8Array;
}

/** The programme's submission (DATA-FORMAT.md section 3), in file order. */
export interface ParticipantRows {
  participantRef: string[];
  /** '' when blank. */
  personId: string[];
  startDay: Int32Array;
  /** NaN when blank. */
  endDay: Float64Array;
}
