// Everything an analysis reads from the store, as parallel arrays in record_id order: the cohort's
// columns (plus the derived age_at_index), who is treated, who may join the pool, and outcomes.
// All of it comes from the column store, a column per read (db/columnStore).
import type { Db } from '../store';
import type { CohortTable } from '../../shared/engine/prepareAnalysis';
import type { TableColumn } from '../../shared/engine/column';
import type { RecordOutcomes } from '../../shared/cohort/recordOutcomes';
import { cohortColumnDefs, loadCohortColumns } from '../cohort/loadCohortColumns';
import { readCohortDerivation } from '../cohort/deriveCohort';
import { ColumnStoreError, readExtractColumns, readOutcomeColumns } from '../columnStore/columnTables';
import { allocate, type ColumnMemory, type TypedColumn } from '../columnStore/storedColumn';
import { indexInByteOrder } from '../../shared/engine/byteOrder';

export interface AnalysisData {
  table: CohortTable;
  treated: Uint8Array;
  poolEligible: Uint8Array;
  outcomes: RecordOutcomes;
}

export class AnalysisDataError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function outcome<T extends TypedColumn>(columns: Map<string, TypedColumn>, name: string, Ctor: new (n: number) => T, n: number): T {
  const c = columns.get(name);
  // A different length means the derivation is stale (made on another extract).
  if (!(c instanceof Ctor) || c.length !== n) throw new AnalysisDataError('stale_derivation', 'The cohort step is out of date with the extract: re-run it');
  return c;
}

/** The cohort's record ids, in record_id order: the rows of every array loadAnalysisData reads. */
export function loadRecordIds(db: Db): string[] {
  const ids = readExtractColumns(db, 'cohort', ['record_id']).get('record_id')!;
  return ids.type === 'text' ? ids.values : [];
}

/**
 * Sets treated[k] to 1 for each record id of `treatedIds`. The treated are a few hundred, each found by a binary
 * search in the record ids, which the column store keeps in byte order: a pass hashing every record's id took 70 ms
 * at 1M records, on the read the second analysis thread waits for. Should one not be found (ids out of order would
 * do it, or a treated id missing from the cohort), one pass over every id decides.
 */
export function markTreated(recordIds: readonly string[], treatedIds: readonly string[], treated: Uint8Array): void {
  let found = 0;
  for (const id of treatedIds) {
    const k = indexInByteOrder(recordIds, id);
    if (k >= 0) {
      treated[k] = 1;
      found++;
    }
  }
  if (found === treatedIds.length) return;
  const ids = new Set(treatedIds);
  for (let k = 0; k < recordIds.length; k++) if (ids.has(recordIds[k])) treated[k] = 1;
}

/** `memory` 'shared': every array in shared memory, so that an analysis job's second thread reads them as they are. */
export function loadAnalysisData(db: Db, memory: ColumnMemory = 'own'): AnalysisData {
  if (!readCohortDerivation(db)) throw new AnalysisDataError('no_derivation', 'The cohort step has not run on this extract: import an extract (or re-run the cohort step) first');
  let recordIds: string[];
  let loaded: TableColumn[];
  try {
    recordIds = loadRecordIds(db);
    loaded = loadCohortColumns(db, cohortColumnDefs(db), memory);
  } catch (err) {
    if (err instanceof ColumnStoreError) throw new AnalysisDataError('no_column_store', err.message);
    throw err;
  }
  const n = recordIds.length;
  const stored = readOutcomeColumns(db, memory);
  const outcomes: RecordOutcomes = {
    reoffended: outcome(stored, 'reoffended', Uint8Array, n),
    count: outcome(stored, 'reoffences', Int32Array, n),
    daysToFirst: outcome(stored, 'days_to_first', Float64Array, n),
    firstCourtOutcome: outcome(stored, 'first_court', Int8Array, n),
    firstCustodial: outcome(stored, 'first_custodial', Uint8Array, n),
    countByCourt: [outcome(stored, 'n_indictable', Int32Array, n), outcome(stored, 'n_either_way', Int32Array, n), outcome(stored, 'n_summary', Int32Array, n)],
    custodialCount: outcome(stored, 'custodial_sentences', Int32Array, n),
  };
  const columns = new Map<string, TableColumn>(loaded.map((c) => [c.name, c]));
  // Kept as the int16 it is stored as, like the cohort's compact columns (an age is never INT16_BLANK).
  columns.set('age_at_index', { kind: 'numeric', name: 'age_at_index', values: outcome(stored, 'age_at_index', Int16Array, n) });
  const treatedIds = db.prepare(`SELECT record_id FROM participant_status WHERE status = 'treated'`).pluck().all() as string[];
  const treated = allocate(Uint8Array, n, memory);
  markTreated(recordIds, treatedIds, treated);
  return { table: { recordIds, columns }, treated, poolEligible: outcome(stored, 'pool_eligible', Uint8Array, n), outcomes };
}
