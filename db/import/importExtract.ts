// Imports the three extract files into the store in ONE transaction: all of it, or nothing.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { writeAudit } from '../audit';
import type { ImportedFileInfo, ImportSummary } from '../../shared/extract/importedFile';
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
import { startFileWorker, type FileWorkerLoad, type FileWorkerResult } from './fileWorkerLoad';
import type { WorkerFileKind } from './fileWorkerProtocol';
import { writeColumnBatch } from './columnBatch';
import { cohortCheck, participantsCheck, reoffencesCheck, type ReoffenceTally } from './rowChecks';
import { countUnknownPersons, type UnknownPersons } from './unknownPersons';
import { enterRollbackJournal, leaveRollbackJournal } from './importJournal';

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
  /** Files that may be read in a worker thread (default defaultWorkerFiles()). */
  workerFiles?: WorkerFileKind[];
  /** ... when they have at least this many bytes (default WORKER_MIN_BYTES). */
  workerMinBytes?: number;
}

export type ImportedFile = ImportedFileInfo;

export type { CohortColumnInfo, ImportSummary } from '../../shared/extract/importedFile';

const KINDS: FileKind[] = ['cohort', 'reoffences', 'participants'];
const PROGRESS_INTERVAL_MS = 100;
// Starting a worker thread (and its TypeScript loader) costs about 0.2 s: worth it for big files
// only (the benchmark's 1M cohort records and 2.5M reoffences are 120 MB each).
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;
const WORKER_KINDS: WorkerFileKind[] = ['cohort', 'reoffences'];

/**
 * This thread writes every row; a worker reads the reoffences while this thread reads the cohort.
 * Reading the cohort in a second worker as well needs a third core: on two cores the three
 * threads only take turns, and the extra thread's start-up and copying made the import slower
 * (200k records: 5.5 s against 4.9 s on a loaded two-core machine).
 */
export function defaultWorkerFiles(cores = availableParallelism()): WorkerFileKind[] {
  return cores >= 3 ? ['cohort', 'reoffences'] : ['reoffences'];
}
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
  // Big files are read by worker threads while this thread writes; the rest are read here.
  const workerMinBytes = options.workerMinBytes ?? WORKER_MIN_BYTES;
  const workerFiles: FileKind[] = options.workerFiles ?? defaultWorkerFiles();
  const inWorker = (kind: FileKind): kind is WorkerFileKind =>
    workerFiles.includes(kind) && files[kind].resolved !== null && (files[kind].source?.bytesTotal ?? 0) >= workerMinBytes;
  const workers: Partial<Record<WorkerFileKind, FileWorkerLoad>> = {};
  const workerBytes: Record<FileKind, number> = { cohort: 0, reoffences: 0, participants: 0 };
  // Rows read so far, and per file its own problems, listed in file order after the header problems.
  const rowsRead: Record<FileKind, number> = { cohort: 0, reoffences: 0, participants: 0 };
  const fileProblems: Record<FileKind, ProblemLog> = { cohort: new ProblemLog(), reoffences: new ProblemLog(), participants: new ProblemLog() };
  const readDone: Record<FileKind, boolean> = { cohort: false, reoffences: false, participants: false };
  let workerProblems = 0;
  const bytesRead = (kind: FileKind) => (workers[kind as WorkerFileKind] ? workerBytes[kind] : (files[kind].source?.bytesRead() ?? 0));
  let lastProgress = 0;
  const progress = (phase: ImportProgress['phase'], force = false) => {
    if (!onProgress) return;
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    const bytesDone = KINDS.reduce((s, k) => s + bytesRead(k), 0);
    // The files are read at the same time: the progress names the first one still being read.
    const file = phase === 'reading' ? (KINDS.find((k) => !readDone[k]) ?? null) : null;
    onProgress({ phase, file, bytesDone, bytesTotal, rows: file ? rowsRead[file] : 0 });
  };

  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  const rollbackJournal = enterRollbackJournal(db);
  try {
    db.exec('BEGIN IMMEDIATE');
    const feeds: Record<FileKind, FeedColumn[]> = {
      cohort: files.cohort.resolved ? [...roleFeeds(files.cohort.resolved), ...extraFeeds(files.cohort.resolved, overrides)] : [],
      reoffences: files.reoffences.resolved ? roleFeeds(files.reoffences.resolved) : [],
      participants: files.participants.resolved ? roleFeeds(files.participants.resolved) : [],
    };
    const cohortFeeds = feeds.cohort;
    createExtractTables(db, {
      family: (files.cohort.resolved?.mapped ?? []).filter((m) => m.role === 'prev' || m.role === 'oasys').map((m) => m.target),
      extras: cohortFeeds.filter((f) => f.rule === null).map((f) => f.column),
    });

    const tally: ReoffenceTally = { latestDisposal: -Infinity };
    const sha256: Partial<Record<FileKind, string>> = {};
    // Rows are only worth writing while the import can still succeed.
    const writing = () => problems.total === 0 && workerProblems === 0 && KINDS.every((k) => fileProblems[k].total === 0);

    const workerInserters: Partial<Record<WorkerFileKind, BatchInserter>> = {};
    for (const kind of WORKER_KINDS) {
      if (!inWorker(kind)) continue;
      const f = files[kind];
      const inserter = (workerInserters[kind] = new BatchInserter(db, kind, feeds[kind].map((x) => x.column)));
      const problemsOf = { found: 0 };
      workers[kind] = startFileWorker({
        kind,
        path: f.input.path,
        sheet: f.input.sheet,
        fileName: f.fileName,
        feeds: feeds[kind].map((x) => ({ ...x, extra: x.extra && { name: x.extra.name, override: x.extra.override } })),
        cell: { dmy: f.mapping.dateFormat === 'dmy', maxDay },
        headerWidth: f.source!.headers.length,
        unnamed: f.resolved!.unnamed,
      }, {
        onRows: (batch) => {
          if (writing()) writeColumnBatch(batch, inserter);
        },
        onProgress: (rows, bytes, found) => {
          rowsRead[kind] = rows;
          workerBytes[kind] = bytes;
          workerProblems += found - problemsOf.found;
          problemsOf.found = found;
          progress('reading');
        },
        signal,
      });
    }

    const load = async (kind: FileKind, computed: string[], check: RowCheck) => {
      const f = files[kind];
      if (!f.source || !f.resolved) {
        readDone[kind] = true;
        return;
      }
      const inserter = new BatchInserter(db, kind, [...feeds[kind].map((x) => x.column), ...computed]);
      const ctx = { kind, file: f.fileName, problems: fileProblems[kind] };
      try {
        rowsRead[kind] = await loadRows(f.source, feeds[kind], inserter, check, {
          ...ctx,
          cell: { dmy: f.mapping.dateFormat === 'dmy', maxDay },
          headerWidth: f.source.headers.length,
          unnamed: f.resolved.unnamed,
          writing,
          signal,
          onBatch: (rows) => {
            rowsRead[kind] = rows;
            progress('reading');
          },
        });
      } catch (err) {
        await f.source.close();
        readProblem(fileProblems[kind], f, err);
      }
      readDone[kind] = true;
      progress('reading', true);
    };
    const collect = (kind: WorkerFileKind, result: FileWorkerResult) => {
      fileProblems[kind].append(result);
      rowsRead[kind] = result.rows;
      sha256[kind] = result.sha256;
      workerBytes[kind] = files[kind].source!.bytesTotal;
      result.extras.forEach((o, k) => {
        if (o) feeds[kind][k].extra!.absorb(o);
      });
      if (kind === 'reoffences') tally.latestDisposal = result.latestDisposal;
      if (writing()) workerInserters[kind]!.flush();
      readDone[kind] = true;
      progress('reading', true);
    };

    const checks: Record<FileKind, () => RowCheck> = {
      cohort: () => cohortCheck(feeds.cohort, { kind: 'cohort', file: files.cohort.fileName, problems: fileProblems.cohort }),
      reoffences: () => reoffencesCheck(feeds.reoffences, { kind: 'reoffences', file: files.reoffences.fileName, problems: fileProblems.reoffences }, tally),
      participants: () => participantsCheck(feeds.participants, { kind: 'participants', file: files.participants.fileName, problems: fileProblems.participants }),
    };
    for (const kind of KINDS) {
      if (!inWorker(kind)) await load(kind, kind === 'participants' ? ['row_no'] : [], checks[kind]());
    }
    for (const kind of WORKER_KINDS) {
      const worker = workers[kind];
      if (worker) collect(kind, await worker.finished);
    }
    for (const kind of KINDS) problems.append(fileProblems[kind]);

    if (files.cohort.source && rowsRead.cohort === 0) {
      problems.add({ kind: 'cohort', file: files.cohort.fileName, row: null, line: null, column: null, value: null, message: 'the cohort file has no data rows' });
    }
    if (files.reoffences.source && rowsRead.reoffences === 0 && givenExtractDay === null) {
      problems.add({ kind: 'reoffences', file: files.reoffences.fileName, row: null, line: null, column: null, value: null, message: 'the reoffences file has no rows, so the extract date must be given' });
    }
    if (problems.total > 0) throw new ImportError(problems.listed, problems.total);
    signal?.throwIfAborted();

    progress('indexing', true);
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
      reoffences: countUnknownPersons(db, 'reoffences'),
      participants: countUnknownPersons(db, 'participants'),
    };
    const summaryFiles = {} as Record<FileKind, ImportedFile>;
    const insertFile = db.prepare(`INSERT INTO extract_files (kind, file_name, sheet, sha256, bytes, rows, unknown_person_rows, unknown_persons, mapping)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const kind of KINDS) {
      const f = files[kind];
      const u = unknown[kind];
      summaryFiles[kind] = {
        kind, fileName: f.fileName, sheet: f.input.sheet ?? null, sha256: sha256[kind] ?? f.source!.sha256(),
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
    progress('committing', true);
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
    for (const kind of WORKER_KINDS) await workers[kind]?.stop();
    for (const kind of KINDS) await files[kind].source?.close();
    db.pragma(`cache_size = ${previousCache}`);
    if (rollbackJournal) leaveRollbackJournal(db);
  }
}
