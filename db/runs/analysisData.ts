// Everything an analysis reads from the store, as parallel arrays in record_id order: the cohort's
// columns (plus the derived age_at_index), who is treated, who may join the pool, and outcomes.
import type { Db } from '../store';
import type { CohortTable } from '../../shared/engine/prepareAnalysis';
import type { Column } from '../../shared/engine/column';
import type { RecordOutcomes } from '../../shared/cohort/recordOutcomes';
import { COURT_OUTCOMES } from '../../shared/cohort/recordOutcomes';
import { cohortColumnDefs, loadCohortColumns } from '../cohort/loadCohortColumns';
import { readCohortDerivation } from '../cohort/deriveCohort';

export interface AnalysisData {
  table: CohortTable;
  treated: Uint8Array;
  poolEligible: Uint8Array;
  outcomes: RecordOutcomes;
  /** Row of each record id. */
  rowOf: Map<string, number>;
}

export class AnalysisDataError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function loadAnalysisData(db: Db): AnalysisData {
  if (!readCohortDerivation(db)) throw new AnalysisDataError('no_derivation', 'The cohort step has not run on this extract: import an extract (or re-run the cohort step) first');
  const n = db.prepare('SELECT count(*) FROM record_outcomes').pluck().get() as number;
  const recordIds: string[] = new Array(n);
  const age = new Float64Array(n);
  const poolEligible = new Uint8Array(n);
  const outcomes: RecordOutcomes = {
    reoffended: new Uint8Array(n),
    count: new Int32Array(n),
    daysToFirst: new Float64Array(n),
    firstCourtOutcome: new Int8Array(n),
    firstCustodial: new Uint8Array(n),
    countByCourt: [new Int32Array(n), new Int32Array(n), new Int32Array(n)],
    custodialCount: new Int32Array(n),
  };
  const courtCode = new Map<string, number>(COURT_OUTCOMES.map((c, k) => [c, k]));
  let i = 0;
  const rows = db
    .prepare(
      `SELECT record_id, age_at_index, pool_eligible, reoffended, reoffences, days_to_first, first_court, first_custodial,
              n_indictable, n_either_way, n_summary, custodial_sentences FROM record_outcomes ORDER BY record_id`,
    )
    .raw();
  for (const r of rows.iterate() as Iterable<[string, number, number, number, number, number | null, string | null, number, number, number, number, number]>) {
    recordIds[i] = r[0];
    age[i] = r[1];
    poolEligible[i] = r[2];
    outcomes.reoffended[i] = r[3];
    outcomes.count[i] = r[4];
    outcomes.daysToFirst[i] = r[5] ?? NaN;
    outcomes.firstCourtOutcome[i] = r[6] === null ? -1 : courtCode.get(r[6])!;
    outcomes.firstCustodial[i] = r[7];
    outcomes.countByCourt[0][i] = r[8];
    outcomes.countByCourt[1][i] = r[9];
    outcomes.countByCourt[2][i] = r[10];
    outcomes.custodialCount[i] = r[11];
    i++;
  }
  const loaded = loadCohortColumns(db, cohortColumnDefs(db));
  // Both lists come in record_id order; a different length means the derivation is stale.
  if (loaded.length > 0 && columnLength(loaded[0]) !== n) {
    throw new AnalysisDataError('stale_derivation', 'The cohort step is out of date with the extract: re-run it');
  }
  const columns = new Map<string, Column>(loaded.map((c) => [c.name, c]));
  columns.set('age_at_index', { kind: 'numeric', name: 'age_at_index', values: age });
  const rowOf = new Map<string, number>();
  for (let k = 0; k < n; k++) rowOf.set(recordIds[k], k);
  const treated = new Uint8Array(n);
  for (const id of db.prepare(`SELECT record_id FROM participant_status WHERE status = 'treated'`).pluck().all() as string[]) {
    treated[rowOf.get(id)!] = 1;
  }
  return { table: { recordIds, columns }, treated, poolEligible, outcomes, rowOf };
}

function columnLength(c: Column): number {
  return c.kind === 'numeric' ? c.values.length : c.codes.length;
}
