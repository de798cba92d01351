// What `matchlab info` prints (CLI.md): the extract held, and the stored runs.
import type { Db } from '../store';
import { dayToIso } from '../import/dayNumber';
import type { FileKind } from '../import/importProblems';
import type { ImportedFileInfo } from '../../shared/extract/importedFile';
import { tableExists } from './extractSchema';

export type StoredFileInfo = ImportedFileInfo;

export interface StoreInfo {
  /** null before the first successful import. */
  extract: {
    extractDate: string;
    extractDateSource: 'given' | 'latest_disposal';
    importedAt: string;
    files: StoredFileInfo[];
  } | null;
  rows: Record<FileKind, number>;
  /** Rows of the `runs` table as stored (newest first); [] while there is none. */
  runs: Record<string, unknown>[];
}

const KINDS: FileKind[] = ['cohort', 'reoffences', 'participants'];

export function storeInfo(db: Db): StoreInfo {
  const extract = extractDescription(db);
  const rows = { cohort: 0, reoffences: 0, participants: 0 } as Record<FileKind, number>;
  // The import recorded each file's rows: counting a table of millions of rows reads (and decrypts) all of it.
  if (extract) for (const f of extract.files) rows[f.kind] = f.rows;
  else for (const kind of KINDS) if (tableExists(db, kind)) rows[kind] = (db.prepare(`SELECT count(*) AS n FROM ${kind}`).get() as { n: number }).n;
  const runs = tableExists(db, 'runs') ? (db.prepare('SELECT * FROM runs ORDER BY rowid DESC').all() as Record<string, unknown>[]) : [];
  return { extract, rows, runs };
}

/** The extract held (null before the first import), without counting the tables' rows: cheap at any size. */
export function extractDescription(db: Db): StoreInfo['extract'] {
  let extract: StoreInfo['extract'] = null;
  if (tableExists(db, 'extract')) {
    const e = db.prepare('SELECT extract_date, extract_date_source, imported_at FROM extract WHERE id = 1').get() as
      { extract_date: number; extract_date_source: 'given' | 'latest_disposal'; imported_at: string } | undefined;
    if (e) {
      const files = db.prepare(`SELECT kind, file_name, sheet, sha256, bytes, rows, unknown_person_rows, unknown_persons FROM extract_files
        ORDER BY CASE kind WHEN 'cohort' THEN 0 WHEN 'reoffences' THEN 1 ELSE 2 END`).all() as
        { kind: FileKind; file_name: string; sheet: string | null; sha256: string; bytes: number; rows: number; unknown_person_rows: number; unknown_persons: number }[];
      extract = {
        extractDate: dayToIso(e.extract_date),
        extractDateSource: e.extract_date_source,
        importedAt: e.imported_at,
        files: files.map((f) => ({
          kind: f.kind, fileName: f.file_name, sheet: f.sheet, sha256: f.sha256, bytes: f.bytes, rows: f.rows,
          unknownPersonRows: f.unknown_person_rows, unknownPersons: f.unknown_persons,
        })),
      };
    }
  }
  return extract;
}
