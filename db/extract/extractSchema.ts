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
export function createExtractTables(db: Db, variable: CohortVariableColumns, beforeDrop: () => void = () => undefined): void {
  // Each drop reads every page of its table to free it: 0.5-0.6 s for each of cohort, reoffences and extract_columns at
  // 1M records, so a job may stop between them.
  for (const t of EXTRACT_TABLES) {
    beforeDrop();
    db.exec(`DROP TABLE IF EXISTS ${t}`);
  }
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
 * No index on the extract tables. The column store's record_id order is sorted in memory (db/columnStore/extractColumns.ts
 * cohortOrder) and kept as the cohort's rowids in that order (COHORT_ROWID_COLUMN), which the browse grid's sort by
 * record_id pages through. A unique index on record_id, built for both, cost 0.6 s of a shuffled 1M-record import
 * against 0.2 s for a sorted one (SQLite's sort of shuffled keys); record_id is kept unique by the import's row
 * checks. No index on person_id: nothing reads the extract by person through SQL (the cohort step reads
 * the column store, the import counts unknown persons in memory, and the browse grid's text
 * filters compare CAST(... AS TEXT), which no index serves). The two person_id indexes cost about
 * 1.4 s of a 300,000-record import, the reoffences' alone about 1 s.
 */
export function tableExists(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}
