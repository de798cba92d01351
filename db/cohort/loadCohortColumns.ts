// Cohort columns as the cohort table holds them (shared/engine/column.ts TableColumn), rows in record_id order
// like loadCohortArrays, straight from the column store: numbers as they are stored (compact ones are widened by
// each analysis for its own rows). Only the columns asked for are read: a national pool is large.
import type { Db } from '../store';
import type { TableColumn } from '../../shared/engine/column';
import { readExtractColumns } from '../columnStore/columnTables';
import type { ColumnMemory } from '../columnStore/storedColumn';

export interface CohortColumnDef {
  name: string;
  kind: 'numeric' | 'categorical';
  role: string | null;
}

// Identifiers and dates are keys, not covariates.
const NOT_COVARIATES = new Set(['record_id', 'person_id', 'index_date', 'date_of_birth']);

/** The columns an analysis may use as covariates, exact-match variables or pool filters. */
export function cohortColumnDefs(db: Db): CohortColumnDef[] {
  const rows = db.prepare('SELECT name, kind, role FROM cohort_columns ORDER BY position').all() as CohortColumnDef[];
  return rows.filter((r) => !NOT_COVARIATES.has(r.name));
}

export function loadCohortColumns(db: Db, defs: readonly CohortColumnDef[], memory: ColumnMemory = 'own'): TableColumn[] {
  const stored = readExtractColumns(db, 'cohort', defs.map((d) => d.name), [], memory);
  return defs.map((d): TableColumn => {
    const c = stored.get(d.name)!;
    const { values } = c;
    if (d.kind === 'numeric' && (values instanceof Float64Array || values instanceof Int8Array || values instanceof Int16Array)) return { kind: 'numeric', name: d.name, values };
    if (d.kind === 'categorical' && c.values instanceof Int32Array && c.type !== 'text') return { kind: 'categorical', name: d.name, codes: c.values, levels: c.levels ?? [] };
    throw new Error(`the column store holds "${d.name}" in a form that does not fit a ${d.kind} column`);
  });
}
