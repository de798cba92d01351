// Reading the cohort and the reoffences in worker threads must store and report exactly what
// reading them on the store's thread does (the small fixtures are forced into workers).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Db } from '../store';
import { defaultWorkerFiles, importExtract, type ImportOptions, type ImportRequest } from './importExtract';
import { ImportError } from './importProblems';
import { tempDir, VALID_FILES, withCell, writeExtract } from './extractFixture';
import { csvCellAsExcel, writeXlsx } from './xlsxFixture';

const IN_WORKERS: ImportOptions = { workerFiles: ['cohort', 'reoffences'], workerMinBytes: 0 };
const HERE: ImportOptions = { workerFiles: [] };

let dir: string;
let db: Db;
beforeEach(() => {
  dir = tempDir();
  db = openStore(join(dir, 'store.mlstore'), 'test passphrase', { mode: 'create' });
});
afterEach(() => db.close());

/** The extract tables with each value's storage class, and the column store (the audit trail and import time aside). */
function extractTables(): string {
  const out: Record<string, unknown[]> = {};
  for (const t of ['cohort', 'reoffences', 'participants', 'cohort_columns', 'extract_files']) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[]).map((c) => `"${c}"`);
    out[t] = db.prepare(`SELECT ${columns.map((c) => `${c}, typeof(${c})`).join(', ')} FROM ${t} ORDER BY rowid`).raw().all();
  }
  out.extract = db.prepare('SELECT extract_date, extract_date_source FROM extract').raw().all();
  // The column store too: a worker's rows reach some builders as codes (columnBatch.ts).
  out.columns = db.prepare('SELECT file, name, type, rows, levels, hex(data) FROM extract_columns ORDER BY file, name').raw().all();
  return JSON.stringify(out);
}

async function outcome(request: ImportRequest, options: ImportOptions): Promise<unknown> {
  try {
    const { importedAt: _, durationMs: __, ...summary } = await importExtract(db, request, options);
    return { summary, tables: extractTables() };
  } catch (err) {
    if (err instanceof ImportError) return { problems: err.problems, total: err.total };
    throw err;
  }
}

describe('files read in worker threads', () => {
  it('store the same rows, typed the same, with the same summary', async () => {
    const request = writeExtract(dir);
    const here = await outcome(request, HERE);
    const inWorkers = await outcome(request, IN_WORKERS);
    expect(inWorkers).toEqual(here);
    // The fixture's extra columns: `score` is numeric, `area` (A, 01, B, 7) categorical.
    expect(here).toMatchObject({ summary: { cohortColumns: expect.arrayContaining([
      expect.objectContaining({ name: 'score', kind: 'numeric' }),
      expect.objectContaining({ name: 'area', kind: 'categorical' }),
    ]) } });
  });

  it('store the same from a cohort sheet read in a worker (as on two cores) as from the same sheet read here', async () => {
    const sheet = join(dir, 'cohort.xlsx');
    const rows = VALID_FILES.cohort.trimEnd().split('\n').map((line, k) => line.split(',').map((cell) => (k === 0 ? cell : csvCellAsExcel(cell))));
    await writeXlsx(sheet, rows, 'sheet-first');
    const request = { ...writeExtract(dir), cohort: { path: sheet } };
    const here = await outcome(request, HERE);
    expect(here).toMatchObject({ summary: { files: { cohort: { fileName: 'cohort.xlsx', rows: rows.length - 1 } } } });
    expect(await outcome(request, { workerFiles: ['cohort'], workerMinBytes: 0 })).toEqual(here);
  });

  it('report the same problems, in file order across the three files', async () => {
    const cohort = withCell(withCell(VALID_FILES.cohort, 3, 'record_id', 'R1'), 4, 'sex', 'X');
    const reoffences = withCell(VALID_FILES.reoffences, 2, 'disposal_date', '2016-07-01');
    const participants = withCell(VALID_FILES.participants, 1, 'start_date', '2016-02-30');
    const request = writeExtract(dir, { cohort, reoffences, participants });
    const here = await outcome(request, HERE);
    expect(here).toMatchObject({ total: 4, problems: [
      { kind: 'cohort', row: 3, column: 'record_id' },
      { kind: 'cohort', row: 4, column: 'sex' },
      { kind: 'reoffences', row: 2, column: 'disposal_date' },
      { kind: 'participants', row: 1, column: 'start_date' },
    ] });
    expect(await outcome(request, IN_WORKERS)).toEqual(here);
  });

  it('use a worker for the cohort only when there is a core for it besides the writer and the reoffences, or when it is the sheet', () => {
    const files = (cohort: string, reoffences: string) => ({ cohort: { path: cohort }, reoffences: { path: reoffences } });
    expect(defaultWorkerFiles(2)).toEqual(['reoffences']);
    expect(defaultWorkerFiles(2, files('/d/cohort.csv', '/d/reoffences.csv'))).toEqual(['reoffences']);
    // Two cores: the one file read beside the writing thread is the dearer to parse, a sheet against a CSV.
    expect(defaultWorkerFiles(2, files('/d/cohort.XLSX', '/d/reoffences.csv'))).toEqual(['cohort']);
    expect(defaultWorkerFiles(2, files('/d/cohort.xlsx', '/d/reoffences.xlsx'))).toEqual(['reoffences']);
    expect(defaultWorkerFiles(3, files('/d/cohort.xlsx', '/d/reoffences.csv'))).toEqual(['cohort', 'reoffences']);
  });
});
