// The column store: whole columns as BLOBs in the encrypted store, so that a job reads what it
// needs in one pass per column instead of a row at a time through SQLite.
//   extract_columns  (created by each import with the extract tables) the cohort's columns in
//                    record_id order, the reoffences' columns in file order
//   outcome_columns  (migration 5) the cohort step's per-record results, in record_id order
import type { Db } from '../store';
import { decodeTexts, decodeTyped, encodeTexts, encodeTyped, typeOf, type ColumnMemory, type StoredType, type TypedColumn } from './storedColumn';

export type StoredColumn =
  | { type: Exclude<StoredType, 'text'>; values: TypedColumn; levels?: string[] }
  | { type: 'text'; values: string[] };

/** What a column builder gives: a stored column, or texts already encoded as the store keeps them. */
export type ColumnToWrite = StoredColumn | { type: 'text'; encoded: Buffer; rows: number };

export type ColumnFile = 'cohort' | 'reoffences';

export const EXTRACT_COLUMNS_SQL = `
  CREATE TABLE extract_columns (
    file TEXT NOT NULL CHECK (file IN ('cohort', 'reoffences')),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    rows INTEGER NOT NULL,
    levels TEXT,
    data BLOB NOT NULL,
    PRIMARY KEY (file, name)
  )`;

export class ColumnStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ColumnStoreError';
  }
}

export function writeExtractColumn(db: Db, file: ColumnFile, name: string, column: ColumnToWrite): void {
  const insert = db.prepare('INSERT INTO extract_columns (file, name, type, rows, levels, data) VALUES (?, ?, ?, ?, ?, ?)');
  if (column.type !== 'text') {
    insert.run(file, name, typeOf(column.values), column.values.length, column.levels ? JSON.stringify(column.levels) : null, encodeTyped(column.values));
  } else if ('encoded' in column) {
    insert.run(file, name, 'text', column.rows, null, column.encoded);
  } else {
    insert.run(file, name, 'text', column.values.length, null, encodeTexts(column.values));
  }
}

interface StoredRow {
  type: StoredType;
  rows: number;
  levels: string | null;
  data: Buffer;
}

function decode(row: StoredRow, memory: ColumnMemory): StoredColumn {
  if (row.type === 'text') return { type: 'text', values: decodeTexts(row.data, row.rows) };
  const values = decodeTyped(row.type, row.data, memory);
  return row.levels === null ? { type: row.type, values } : { type: row.type, values, levels: JSON.parse(row.levels) as string[] };
}

/** Reads the named columns of one file; throws naming the first one missing that is not `optional`. */
export function readExtractColumns(db: Db, file: ColumnFile, names: readonly string[], optional: readonly string[] = [], memory: ColumnMemory = 'own'): Map<string, StoredColumn> {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'extract_columns'`).get();
  if (!exists) {
    throw new ColumnStoreError('This extract was imported by an earlier version of Matchlab, which did not keep its column store: import it again');
  }
  const select = db.prepare('SELECT type, rows, levels, data FROM extract_columns WHERE file = ? AND name = ?');
  const out = new Map<string, StoredColumn>();
  for (const name of names) {
    const row = select.get(file, name) as StoredRow | undefined;
    if (row) out.set(name, decode(row, memory));
    else if (!optional.includes(name)) throw new ColumnStoreError(`The column store has no ${file} column "${name}": import the extract again`);
  }
  return out;
}

export function writeOutcomeColumns(db: Db, columns: Record<string, TypedColumn>): void {
  db.exec('DELETE FROM outcome_columns');
  const insert = db.prepare('INSERT INTO outcome_columns (name, type, rows, data) VALUES (?, ?, ?, ?)');
  for (const [name, values] of Object.entries(columns)) insert.run(name, typeOf(values), values.length, encodeTyped(values));
}

export function readOutcomeColumns(db: Db, memory: ColumnMemory = 'own'): Map<string, TypedColumn> {
  const rows = db.prepare('SELECT name, type, rows, data FROM outcome_columns').all() as (StoredRow & { name: string })[];
  const out = new Map<string, TypedColumn>();
  for (const row of rows) {
    if (row.type === 'text') continue;
    out.set(row.name, decodeTyped(row.type, row.data, memory));
  }
  return out;
}

/** Records the last cohort step let into a comparison pool (0 before any). */
export function countPoolEligible(db: Db): number {
  const row = db.prepare(`SELECT type, data FROM outcome_columns WHERE name = 'pool_eligible'`).get() as { type: StoredType; data: Buffer } | undefined;
  if (!row || row.type !== 'uint8') return 0;
  let n = 0;
  for (const v of decodeTyped('uint8', row.data)) n += v;
  return n;
}
