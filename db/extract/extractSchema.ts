// The extract tables: dropped and recreated by each import inside its transaction.
import type { Db } from '../store';
import { quoteIdentifier } from './quoteIdentifier';
import { EXTRACT_COLUMNS_SQL } from '../columnStore/columnTables';

export const EXTRACT_TABLES = ['cohort', 'reoffences', 'participants', 'cohort_columns', 'extract', 'extract_files', 'extract_columns'] as const;

/** Role columns of `cohort` that always exist (NULL when the file has no such column). */
export const COHORT_FIXED_COLUMNS = [
  'record_id TEXT NOT NULL',
  'person_id TEXT NOT NULL',
  'index_date INTEGER NOT NULL',
  'date_of_birth INTEGER NOT NULL',
  'sex TEXT NOT NULL',
  'region TEXT NOT NULL',
  'ethnicity TEXT',
  'uk_national INTEGER',
  'index_offence TEXT',
  'index_disposal TEXT',
];

export interface CohortVariableColumns {
  /** prev_* and oasys_* columns (INTEGER). */
  family: string[];
  /** Extra columns: no declared type, so INTEGER, REAL and TEXT values are kept as stored. */
  extras: string[];
}

/** Dates are INTEGER days since 1970-01-01 UTC. */
export function createExtractTables(db: Db, variable: CohortVariableColumns): void {
  for (const t of EXTRACT_TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
  const cohortColumns = [
    ...COHORT_FIXED_COLUMNS,
    ...variable.family.map((c) => `${quoteIdentifier(c)} INTEGER`),
    ...variable.extras.map((c) => quoteIdentifier(c)),
  ];
  db.exec(`
    CREATE TABLE cohort (${cohortColumns.join(', ')});
    CREATE TABLE reoffences (
      person_id TEXT NOT NULL,
      offence_date INTEGER NOT NULL,
      disposal_date INTEGER NOT NULL,
      -- Comparisons, not IN (...): SQLite checks an IN list by building a temporary index of it for every row
      -- inserted, a third of the reoffences' insert time (746k rows: 1.5 against 1.0 s).
      court_outcome TEXT NOT NULL CHECK (court_outcome = 'indictable' OR court_outcome = 'either_way' OR court_outcome = 'summary'),
      custodial INTEGER NOT NULL,
      pnd INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE participants (
      row_no INTEGER PRIMARY KEY,
      participant_ref TEXT NOT NULL,
      person_id TEXT,
      start_date INTEGER NOT NULL,
      end_date INTEGER
    );
    CREATE TABLE cohort_columns (
      name TEXT PRIMARY KEY COLLATE NOCASE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('numeric', 'categorical')),
      role TEXT,
      source TEXT NOT NULL
    );
    CREATE TABLE extract (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      extract_date INTEGER NOT NULL,
      extract_date_source TEXT NOT NULL CHECK (extract_date_source IN ('given', 'latest_disposal')),
      imported_at TEXT NOT NULL
    );
    CREATE TABLE extract_files (
      kind TEXT PRIMARY KEY CHECK (kind IN ('cohort', 'reoffences', 'participants')),
      file_name TEXT NOT NULL,
      sheet TEXT,
      sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      rows INTEGER NOT NULL,
      unknown_person_rows INTEGER NOT NULL,
      unknown_persons INTEGER NOT NULL,
      mapping TEXT NOT NULL
    );
  `);
  db.exec(EXTRACT_COLUMNS_SQL);
}

/**
 * Built after the rows are in (one sorted build is cheaper than maintaining the index per insert):
 * cohort_record_id, for the browse grid's sort by record_id and for the column store's record_id
 * order, read back from it (recordIdOrder: SQLite's sorter in C, whatever the order of the file).
 * No index on person_id: nothing reads the extract by person through SQL (the cohort step reads
 * the column store, the import counts unknown persons in memory, and the browse grid's text
 * filters compare CAST(... AS TEXT), which no index serves). The two person_id indexes cost about
 * 1.4 s of a 300,000-record import, the reoffences' alone about 1 s.
 */
export function createExtractIndexes(db: Db): void {
  db.exec('CREATE UNIQUE INDEX cohort_record_id ON cohort (record_id)');
}

/**
 * Positions (0-based, in file order) of the cohort's rows in record_id byte order: the walk of
 * cohort_record_id, whose BINARY collation compares UTF-8 bytes. The rows are the file's in file
 * order (rowid 1..n), as a fresh table's inserts number them.
 */
export function recordIdOrder(db: Db): Int32Array {
  return Int32Array.from(db.prepare('SELECT rowid - 1 FROM cohort ORDER BY record_id').pluck().all() as number[]);
}

export function tableExists(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}
