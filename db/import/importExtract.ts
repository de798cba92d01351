// Imports the three extract files into the store in ONE transaction: all of it, or nothing.
import { basename } from 'node:path';
import { writeAudit } from '../audit';
import { BatchInserter } from '../extract/batchInserter';
import { createExtractIndexes, createExtractTables } from '../extract/extractSchema';
import { quoteIdentifier } from '../extract/quoteIdentifier';
import type { Db } from '../store';
import { resolveMapping, suggestMapping, type ColumnMapping, type ResolvedMapping } from './columnMapping';
import { DAY_1900_01_01, dayToIso, parseDay, todayDay } from './dayNumber';
import type { ColumnKind } from './extraColumnTyping';
import { extraFeeds, roleFeeds } from './fileFeeds';
import { addReadProblem, ImportError, ProblemLog, type FileKind } from './importProblems';
import { loadRows, type FeedColumn, type RowCheck } from './loadRows';
import { openRowSource, type RowSource } from './rowSource';
import { startReoffencesLoad, type ReoffencesLoad } from './reoffencesLoad';
import { writeColumnBatch } from './columnBatch';
import { cohortCheck, participantsCheck, reoffencesCheck, unknownPersons, type PersonRows, type ReoffenceTally, type UnknownPersons } from './rowChecks';

export interface ImportFileInput {
  path: string;
  /** XLSX only: the sheet to read (default: the first). */
  sheet?: string;
  /** Default: suggestMapping of the file's header. */
  mapping?: ColumnMapping;
}

export interface ImportRequest {
  cohort: ImportFileInput;
  reoffences: ImportFileInput;
  participants: ImportFileInput;
  /** YYYY-MM-DD; default the latest disposal_date in reoffences (required when it has no rows). */
  extractDate?: string;
  /** YYYY-MM-DD; dates after it are refused. Default: the current UTC date. */
  today?: string;
  /** Extra cohort column name (case-insensitive) -> forced kind. */
  typeOverrides?: Record<string, ColumnKind>;
}

export interface ImportProgress {
  phase: 'reading' | 'indexing' | 'committing';
  file: FileKind | null;
  /** Over the three files together. */
  bytesDone: number;
  bytesTotal: number;
  /** Rows read so far of `file`. */
  rows: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

export interface ImportedFile {
  kind: FileKind;
  fileName: string;
  sheet: string | null;
  sha256: string;
  bytes: number;
  rows: number;
  /** Rows whose person_id is not in the cohort (always 0 for the cohort). */
  unknownPersonRows: number;
  unknownPersons: number;
}

export interface CohortColumnInfo {
  name: string;
  kind: ColumnKind;
  /** Role name, 'prev' / 'oasys' for those families, null for an extra column. */
  role: string | null;
  source: string;
}

export interface ImportSummary {
  extractDate: string;
  extractDateSource: 'given' | 'latest_disposal';
  importedAt: string;
  files: Record<FileKind, ImportedFile>;
  cohortColumns: CohortColumnInfo[];
  durationMs: number;
}

const KINDS: FileKind[] = ['cohort', 'reoffences', 'participants'];
const PROGRESS_INTERVAL_MS = 100;
// Starting a worker thread (and its TypeScript loader) costs about 0.2 s: worth it for a big
// reoffences file only (the benchmark's 2.5M rows are 120 MB).
export const REOFFENCES_WORKER_MIN_BYTES = 8 * 1024 * 1024;
// Our own cache for the bulk load (SQLite's default is 2 MB); restored afterwards.
const IMPORT_CACHE_KIB = 256 * 1024;
// Names SQLite resolves to the rowid, which an extra column must not shadow.
const RESERVED_NAMES = new Set(['rowid', 'oid', '_rowid_']);

interface OpenedFile {
  kind: FileKind;
  input: ImportFileInput;
  fileName: string;
  source: RowSource | null;
  mapping: ColumnMapping;
  resolved: ResolvedMapping | null;
}

function parseGivenDate(name: string, text: string, maxDay: number): number {
  const day = parseDay(text, false);
  if (Number.isNaN(day) || day < DAY_1900_01_01 || day > maxDay) {
    throw new RangeError(`${name} must be a real YYYY-MM-DD date from 1900-01-01 to today, got ${JSON.stringify(text)}`);
  }
  return day;
}

function readProblem(problems: ProblemLog, f: OpenedFile, err: unknown): void {
  addReadProblem(problems, f.kind, f.fileName, err);
}

async function openFile(kind: FileKind, input: ImportFileInput, problems: ProblemLog): Promise<OpenedFile> {
  const f: OpenedFile = { kind, input, fileName: basename(input.path), source: null, mapping: input.mapping ?? { columns: {}, dateFormat: 'iso' }, resolved: null };
  try {
    f.source = await openRowSource(input.path, { sheet: input.sheet });
  } catch (err) {
    readProblem(problems, f, err);
    return f;
  }
  f.mapping = input.mapping ?? suggestMapping(f.source.headers, kind);
  f.resolved = resolveMapping(f.source.headers, kind, f.mapping);
  for (const [column, message] of f.resolved.problems) {
    problems.add({ kind, file: f.fileName, row: null, line: f.source.headerLine, column, value: null, message });
  }
  return f;
}

/**
 * Validates while streaming into the transaction, and rolls back at the end if anything was
 * wrong, so each file is read once. The connection must not be used by anyone else until the
 * promise settles (the transaction stays open across the awaits).
 */
export async function importExtract(db: Db, request: ImportRequest, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const maxDay = todayDay(request.today);
  const givenExtractDay = request.extractDate === undefined ? null : parseGivenDate('the extract date', request.extractDate, maxDay);
  const problems = new ProblemLog();
  const files = {} as Record<FileKind, OpenedFile>;
  for (const kind of KINDS) files[kind] = await openFile(kind, request[kind], problems);

  const overrides = new Map(Object.entries(request.typeOverrides ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const cohortExtras = files.cohort.resolved?.extras ?? [];
  for (const name of overrides.keys()) {
    if (!cohortExtras.some((e) => e.name.toLowerCase() === name)) {
      problems.add({ kind: 'cohort', file: files.cohort.fileName, row: null, line: null, column: name, value: null, message: `a type is set for "${name}", which is not an extra column of the cohort file` });
    }
  }
  for (const e of cohortExtras) {
    if (RESERVED_NAMES.has(e.name.toLowerCase())) {
      problems.add({ kind: 'cohort', file: files.cohort.fileName, row: null, line: null, column: e.name, value: null, message: `"${e.name}" is a reserved name: rename the column` });
    }
  }

  const bytesTotal = KINDS.reduce((s, k) => s + (files[k].source?.bytesTotal ?? 0), 0);
  // A worker thread reading the reoffences reports its bytes.
  let reoffenceBytesRead = 0;
  let reoffences: ReoffencesLoad | null = null;
  const bytesRead = (kind: FileKind) => (kind === 'reoffences' && reoffences ? reoffenceBytesRead : (files[kind].source?.bytesRead() ?? 0));
  let lastProgress = 0;
  const progress = (phase: ImportProgress['phase'], file: FileKind | null, rows: number, force = false) => {
    if (!onProgress) return;
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    const bytesDone = KINDS.reduce((s, k) => s + bytesRead(k), 0);
    onProgress({ phase, file, bytesDone, bytesTotal, rows });
  };

  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  const previousTempStore = db.pragma('temp_store', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  db.pragma('temp_store = MEMORY');
  db.exec('BEGIN IMMEDIATE');
  try {
    const cohortFeeds = files.cohort.resolved ? [...roleFeeds(files.cohort.resolved), ...extraFeeds(files.cohort.resolved, overrides)] : [];
    createExtractTables(db, {
      family: (files.cohort.resolved?.mapped ?? []).filter((m) => m.role === 'prev' || m.role === 'oasys').map((m) => m.target),
      extras: cohortFeeds.filter((f) => f.rule === null).map((f) => f.column),
    });

    const people = new Set<string>();
    const participantRows: PersonRows = new Map();
    const rowsRead: Record<FileKind, number> = { cohort: 0, reoffences: 0, participants: 0 };
    const tally: ReoffenceTally = { personRows: new Map(), latestDisposal: -Infinity };
    let reoffenceSha256: string | null = null;

    // A big reoffences file is read on the second core while this thread reads the cohort; its
    // checked rows are written here as they arrive, and its problems follow the cohort's.
    const reoffenceFeeds = files.reoffences.resolved ? roleFeeds(files.reoffences.resolved) : [];
    const reoffenceInserter = new BatchInserter(db, 'reoffences', reoffenceFeeds.map((x) => x.column));
    let cohortDone = false;
    if (files.reoffences.source && files.reoffences.resolved && files.reoffences.source.bytesTotal >= REOFFENCES_WORKER_MIN_BYTES) {
      reoffences = startReoffencesLoad({
        path: files.reoffences.input.path,
        sheet: files.reoffences.input.sheet,
        fileName: files.reoffences.fileName,
        feeds: reoffenceFeeds,
        cell: { dmy: files.reoffences.mapping.dateFormat === 'dmy', maxDay },
        headerWidth: files.reoffences.source.headers.length,
        unnamed: files.reoffences.resolved.unnamed,
      }, {
        // Rows are only worth writing while the import can still succeed.
        onRows: (batch) => {
          if (problems.total === 0) writeColumnBatch(batch, reoffenceInserter);
        },
        onProgress: (rows, bytes) => {
          reoffenceBytesRead = bytes;
          if (cohortDone) progress('reading', 'reoffences', rows);
        },
        signal,
      });
    }

    const load = async (kind: FileKind, feeds: FeedColumn[], computed: string[], makeCheck: (ctx: { kind: FileKind; file: string; problems: ProblemLog }) => RowCheck) => {
      const f = files[kind];
      if (!f.source || !f.resolved) return;
      const inserter = new BatchInserter(db, kind, [...feeds.map((x) => x.column), ...computed]);
      const ctx = { kind, file: f.fileName, problems };
      try {
        rowsRead[kind] = await loadRows(f.source, feeds, inserter, makeCheck(ctx), {
          ...ctx,
          cell: { dmy: f.mapping.dateFormat === 'dmy', maxDay },
          headerWidth: f.source.headers.length,
          unnamed: f.resolved.unnamed,
          signal,
          onBatch: (rows) => progress('reading', kind, rows),
        });
      } catch (err) {
        await f.source.close();
        readProblem(problems, f, err);
      }
      progress('reading', kind, rowsRead[kind], true);
    };

    await load('cohort', cohortFeeds, [], (ctx) => cohortCheck(cohortFeeds, ctx, people));
    cohortDone = true;
    if (reoffences) {
      const result = await reoffences.finished;
      problems.append(result);
      rowsRead.reoffences = result.rows;
      tally.personRows = result.personRows;
      tally.latestDisposal = result.latestDisposal;
      reoffenceSha256 = result.sha256;
      reoffenceBytesRead = files.reoffences.source!.bytesTotal;
      if (problems.total === 0) reoffenceInserter.flush();
      progress('reading', 'reoffences', result.rows, true);
    } else {
      await load('reoffences', reoffenceFeeds, [], (ctx) => reoffencesCheck(reoffenceFeeds, ctx, tally));
    }
    const participantFeeds = files.participants.resolved ? roleFeeds(files.participants.resolved) : [];
    await load('participants', participantFeeds, ['row_no'], (ctx) => participantsCheck(participantFeeds, ctx, participantRows));

    if (files.cohort.source && rowsRead.cohort === 0) {
      problems.add({ kind: 'cohort', file: files.cohort.fileName, row: null, line: null, column: null, value: null, message: 'the cohort file has no data rows' });
    }
    if (files.reoffences.source && rowsRead.reoffences === 0 && givenExtractDay === null) {
      problems.add({ kind: 'reoffences', file: files.reoffences.fileName, row: null, line: null, column: null, value: null, message: 'the reoffences file has no rows, so the extract date must be given' });
    }
    if (problems.total > 0) throw new ImportError(problems.listed, problems.total);
    signal?.throwIfAborted();

    progress('indexing', null, 0, true);
    const cohortColumns = cohortFeeds.map((f, position) => {
      const mapped = files.cohort.resolved!.mapped.find((m) => m.target === f.column);
      const kind: ColumnKind = f.extra ? f.extra.kind : f.rule === 'date' || f.rule === 'count' || f.rule === 'oasys' || f.rule === 'flag' ? 'numeric' : 'categorical';
      return { info: { name: f.column, kind, role: mapped ? mapped.role : null, source: mapped ? mapped.header : f.column }, position, feed: f };
    });
    for (const { feed } of cohortColumns) {
      const sql = feed.extra?.fixUpSql('cohort', quoteIdentifier(feed.column));
      if (sql) db.exec(sql);
    }
    createExtractIndexes(db);
    signal?.throwIfAborted();

    const extractDay = givenExtractDay ?? tally.latestDisposal;
    const importedAt = new Date().toISOString();
    const insertColumn = db.prepare('INSERT INTO cohort_columns (name, position, kind, role, source) VALUES (?, ?, ?, ?, ?)');
    for (const c of cohortColumns) insertColumn.run(c.info.name, c.position, c.info.kind, c.info.role, c.info.source);
    db.prepare(`INSERT INTO extract (id, extract_date, extract_date_source, imported_at) VALUES (1, ?, ?, ?)`)
      .run(extractDay, givenExtractDay === null ? 'latest_disposal' : 'given', importedAt);
    const unknown: Record<FileKind, UnknownPersons> = {
      cohort: { rows: 0, persons: 0 },
      reoffences: unknownPersons(tally.personRows, people),
      participants: unknownPersons(participantRows, people),
    };
    const summaryFiles = {} as Record<FileKind, ImportedFile>;
    const insertFile = db.prepare(`INSERT INTO extract_files (kind, file_name, sheet, sha256, bytes, rows, unknown_person_rows, unknown_persons, mapping)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const kind of KINDS) {
      const f = files[kind];
      const u = unknown[kind];
      summaryFiles[kind] = {
        kind, fileName: f.fileName, sheet: f.input.sheet ?? null, sha256: (kind === 'reoffences' ? reoffenceSha256 : null) ?? f.source!.sha256(),
        bytes: f.source!.bytesTotal, rows: rowsRead[kind], unknownPersonRows: u.rows, unknownPersons: u.persons,
      };
      const s = summaryFiles[kind];
      insertFile.run(kind, s.fileName, s.sheet, s.sha256, s.bytes, s.rows, s.unknownPersonRows, s.unknownPersons, JSON.stringify(f.mapping));
    }
    const extractDate = dayToIso(extractDay);
    writeAudit(db, 'import', {
      extractDate,
      files: KINDS.map((k) => ({ kind: k, fileName: summaryFiles[k].fileName, sha256: summaryFiles[k].sha256, rows: summaryFiles[k].rows })),
    });
    progress('committing', null, 0, true);
    signal?.throwIfAborted();
    db.exec('COMMIT');
    return {
      extractDate,
      extractDateSource: givenExtractDay === null ? 'latest_disposal' : 'given',
      importedAt,
      files: summaryFiles,
      cohortColumns: cohortColumns.map((c) => c.info),
      durationMs: Date.now() - started,
    };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    await reoffences?.stop();
    for (const kind of KINDS) await files[kind].source?.close();
    db.pragma(`cache_size = ${previousCache}`);
    db.pragma(`temp_store = ${previousTempStore}`);
  }
}
