// Indexes the import leaves out, built the first time the browse grid sorts by their column. The
// import does not build an index on person_id (db/extract/extractSchema.ts: about 1.4 s of a
// 300,000-record import, which nothing else needs), but a browse page sorted by person_id without
// one sorts the whole table (1-2 s a page at 300,000 records, more at 1M); with one, 0.2 s.
import type { Db } from '../store';
import type { BrowseRequest, BrowsableTable } from './browseTable';

const SORT_INDEXES: Partial<Record<BrowsableTable, { column: string; index: string }>> = {
  cohort: { column: 'person_id', index: 'cohort_person_id' },
  reoffences: { column: 'person_id', index: 'reoffences_person_id' },
};

/**
 * Builds the index the request's first sort column can use, when there is one and it is missing
 * (once per extract: each import recreates its tables). It writes to the store: the caller makes
 * sure no job is writing.
 */
export function ensureSortIndex(db: Db, request: BrowseRequest): boolean {
  const wanted = SORT_INDEXES[request.table];
  const first = request.sort?.[0];
  if (!wanted || !first || String(first.column).toLowerCase() !== wanted.column) return false;
  if (db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(wanted.index)) return false;
  db.exec(`CREATE INDEX IF NOT EXISTS ${wanted.index} ON ${request.table} (${wanted.column})`);
  return true;
}
