// Cohort columns as the engine holds them (shared/engine/column.ts), rows ordered by record_id
// like loadCohortArrays. Only the columns asked for are read: a national pool is large.
import type { Db } from '../store';
import type { Column } from '../../shared/engine/column';
import { quoteIdentifier } from '../extract/quoteIdentifier';
import { compareByteOrder } from '../../shared/engine/byteOrder';

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

export function loadCohortColumns(db: Db, defs: readonly CohortColumnDef[]): Column[] {
  const n = db.prepare('SELECT count(*) FROM cohort').pluck().get() as number;
  if (defs.length === 0) return [];
  const columns = defs.map((d) =>
    d.kind === 'numeric'
      ? { kind: 'numeric' as const, name: d.name, values: new Float64Array(n) }
      : { kind: 'categorical' as const, name: d.name, codes: new Int32Array(n), levels: [] as string[], seen: new Map<string, number>() },
  );
  const select = defs.map((d) => quoteIdentifier(d.name)).join(', ');
  let i = 0;
  for (const row of db.prepare(`SELECT ${select} FROM cohort ORDER BY record_id`).raw().iterate() as Iterable<unknown[]>) {
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c];
      const v = row[c];
      if (col.kind === 'numeric') {
        col.values[i] = v === null || v === '' ? NaN : Number(v);
      } else if (v === null || v === '') {
        col.codes[i] = -1;
      } else {
        const text = String(v);
        let code = col.seen.get(text);
        if (code === undefined) {
          code = col.levels.length;
          col.seen.set(text, code);
          col.levels.push(text);
        }
        col.codes[i] = code;
      }
    }
    i++;
  }
  return columns.map((col): Column => {
    if (col.kind === 'numeric') return col;
    // Level codes in byte order of the names, so the coding does not depend on row order.
    const levels = [...col.levels].sort(compareByteOrder);
    const recode = Int32Array.from(col.levels, (name) => levels.indexOf(name));
    const codes = col.codes;
    for (let k = 0; k < n; k++) if (codes[k] >= 0) codes[k] = recode[codes[k]];
    return { kind: 'categorical', name: col.name, codes, levels };
  });
}
