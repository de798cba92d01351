// The one-year proven reoffending outcomes of cohort records (DATA-FORMAT.md section 4),
// as parallel arrays: entry i belongs to record i of whatever record list they came with.

/** Court outcome codes, in the tie-break order of DATA-FORMAT.md section 4 (most serious first). */
export const COURT_OUTCOMES = ['indictable', 'either_way', 'summary'] as const;
export type CourtOutcome = (typeof COURT_OUTCOMES)[number];

export interface RecordOutcomes {
  /** 1 when the record has at least one counted reoffence. */
  reoffended: Uint8Array;
  /** Number of counted reoffences. */
  count: Int32Array;
  /** Days from index date to the first counted reoffence; NaN for non-reoffenders. */
  daysToFirst: Float64Array;
  /** Index into COURT_OUTCOMES of the first reoffence; -1 for non-reoffenders. */
  firstCourtOutcome: Int8Array;
  /** 1 when the first reoffence got a custodial sentence. */
  firstCustodial: Uint8Array;
  /** Counted reoffences by court outcome, indexed like COURT_OUTCOMES. */
  countByCourt: [Int32Array, Int32Array, Int32Array];
  /** Number of counted reoffences that got a custodial sentence. */
  custodialCount: Int32Array;
}

/** The outcome arrays of the given rows, in the given order. */
export function outcomesOfRows(all: RecordOutcomes, rows: Int32Array): RecordOutcomes {
  const pick = <T extends Int32Array | Uint8Array | Int8Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = a[rows[k]];
    return out;
  };
  return {
    reoffended: pick(all.reoffended),
    count: pick(all.count),
    daysToFirst: pick(all.daysToFirst),
    firstCourtOutcome: pick(all.firstCourtOutcome),
    firstCustodial: pick(all.firstCustodial),
    countByCourt: [pick(all.countByCourt[0]), pick(all.countByCourt[1]), pick(all.countByCourt[2])],
    custodialCount: pick(all.custodialCount),
  };
}
