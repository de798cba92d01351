// Imports the three extract files into the store in ONE transaction: all of it, or nothing.
// The parts: importPlan (open the files, resolve the mappings), one FileLoader per file (read,
// check, write, collect the column store's columns), finaliseImport (last checks, column store,
// indexes, the extract's description).
import { availableParallelism } from 'node:os';
import { createExtractTables, tableExists } from '../extract/extractSchema';
import { extractColumnBuilders } from '../columnStore/extractColumns';
import type { Db } from '../store';
import type { WorkerFileKind } from './fileWorkerProtocol';
import { FileLoader } from './fileLoader';
import { checkLoaded, finaliseImport, type FinalStep, type ImportSummary, type LoadedFiles } from './finaliseImport';
import { closePlan, FILE_KINDS, planImport, type ImportRequest } from './importPlan';
import type { FileKind } from './importProblems';
import { cohortCheck, participantsCheck, reoffencesCheck } from './rowChecks';
import { isXlsxPath } from './rowSource';
import { enterRollbackJournal, leaveRollbackJournal } from './importJournal';

export type { ImportFileInput, ImportRequest } from './importPlan';
export type { CohortColumnInfo, ImportSummary } from './finaliseImport';
export type { ImportedFileInfo as ImportedFile } from '../../shared/extract/importedFile';

export interface ImportProgress {
  /** removing the extract the store holds (when it holds one), reading the files, then finaliseImport's steps, then the commit. */
  phase: 'clearing' | 'reading' | FinalStep | 'committing';
  /** While reading: the first file still being read. */
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
  /**
   * Work on the new extract that must be stored with it or not at all (the cohort step): runs in
   * the import's transaction, just before its commit.
   */
  beforeCommit?: () => void;
}

const PROGRESS_INTERVAL_MS = 100;
// Starting a worker thread (and its TypeScript loader) costs about 0.2 s: worth it for big files
// only (the benchmark's 1M cohort records and 2.5M reoffences are 120 MB each).
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;

/**
 * This thread writes every row; a worker reads the reoffences while this thread reads the cohort.
 * Reading the cohort in a second worker as well needs a third core: on two cores the three
 * threads only take turns, and the extra thread's start-up and copying made the import slower
 * (200k records: 5.5 s against 4.9 s on a loaded two-core machine).
 */
export function defaultWorkerFiles(cores = availableParallelism(), request?: Pick<ImportRequest, WorkerFileKind>): WorkerFileKind[] {
  if (cores >= 3) return ['cohort', 'reoffences'];
  // On two cores one file is read beside this thread: the dearer one to parse. A sheet (inflate, then XML) costs
  // several times a CSV of the same rows, so a cohort given as XLSX beside CSV reoffences goes to the worker.
  const sheet = (kind: WorkerFileKind) => request !== undefined && isXlsxPath(request[kind].path);
  return sheet('cohort') && !sheet('reoffences') ? ['cohort'] : ['reoffences'];
}
// Our own cache for the bulk load (SQLite's default is 2 MB); restored afterwards. 128 MB rather
// than 256: past it the transaction spills pages to the store file, which cost no CPU time at 1M
// records (41.7-44.1 s against 44.5-44.9 s for import + cohort step, load ~3) and kept the peak
// RSS at 822-832 MiB instead of 1082-1087 MiB.
const IMPORT_CACHE_KIB = 128 * 1024;
const CHECKS = { cohort: cohortCheck, reoffences: reoffencesCheck, participants: participantsCheck } as const;

/**
 * Validates while streaming into the transaction, and rolls back at the end if anything was
 * wrong, so each file is read once. The connection must not be used by anyone else until the
 * promise settles (the transaction stays open across the awaits).
 */
export async function importExtract(db: Db, request: ImportRequest, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const plan = await planImport(request);
  const workerMinBytes = options.workerMinBytes ?? WORKER_MIN_BYTES;
  const workerFiles: FileKind[] = options.workerFiles ?? defaultWorkerFiles(availableParallelism(), request);
  const inWorker = (kind: FileKind) => workerFiles.includes(kind) && (plan.files[kind].source?.bytesTotal ?? 0) >= workerMinBytes;

  let loaders: Record<FileKind, FileLoader> | null = null;
  let lastProgress = 0;
  const progress = (phase: ImportProgress['phase'], force = false) => {
    if (!onProgress || !loaders) return;
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    const bytesDone = FILE_KINDS.reduce((s, k) => s + loaders![k].bytesRead(), 0);
    // The files are read at the same time: the progress names the first one still being read.
    const file = phase === 'reading' ? (FILE_KINDS.find((k) => !loaders![k].done) ?? null) : null;
    onProgress({ phase, file, bytesDone, bytesTotal: plan.bytesTotal, rows: file ? loaders![file].rows : 0 });
  };

  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  const rollbackJournal = enterRollbackJournal(db);
  try {
    db.exec('BEGIN IMMEDIATE');
    // Dropping the tables of the extract the store holds reads every page of them (1.5 s for 1M records): a phase
    // of its own, where the bar would otherwise sit before its first phase, with a cancel point before each table.
    const clearing = tableExists(db, 'cohort');
    const { cohort } = plan.files;
    createExtractTables(db, {
      family: (cohort.resolved?.mapped ?? []).filter((m) => m.role === 'prev' || m.role === 'oasys').map((m) => m.target),
      extras: cohort.feeds.filter((f) => f.rule === null).map((f) => f.column),
    }, () => {
      if (!clearing) return;
      onProgress?.({ phase: 'clearing', file: null, bytesDone: 0, bytesTotal: plan.bytesTotal, rows: 0 });
      signal?.throwIfAborted();
    });
    // Rows are only worth writing while the import can still succeed.
    const writing = () => plan.problems.total === 0 && FILE_KINDS.every((k) => loaders![k].problemsFound === 0);
    const builders = {} as LoadedFiles['builders'];
    const made = {} as Record<FileKind, FileLoader>;
    for (const kind of FILE_KINDS) {
      const file = plan.files[kind];
      builders[kind] = extractColumnBuilders(kind, file.feeds);
      made[kind] = new FileLoader(db, file, {
        inWorker: inWorker(kind),
        maxDay: plan.maxDay,
        computed: kind === 'participants' ? ['row_no'] : [],
        builders: builders[kind],
        check: (problems, tally) => CHECKS[kind](file.feeds, { kind, file: file.fileName, problems }, tally),
        writing,
        onProgress: () => progress('reading'),
        signal,
      });
    }
    loaders = made;
    // Workers read while this thread reads the other files; then their rows are awaited.
    for (const kind of FILE_KINDS) made[kind].start();
    for (const kind of FILE_KINDS) if (!inWorker(kind)) await made[kind].load();
    for (const kind of FILE_KINDS) if (inWorker(kind)) await made[kind].load();
    checkLoaded(plan, { loaders: made, builders });
    signal?.throwIfAborted();

    const described = finaliseImport(db, plan, { loaders: made, builders }, (step) => {
      progress(step, true);
      signal?.throwIfAborted();
    });
    options.beforeCommit?.();
    progress('committing', true);
    signal?.throwIfAborted();
    db.exec('COMMIT');
    return { ...described, durationMs: Date.now() - started };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    if (loaders) for (const kind of FILE_KINDS) await loaders[kind].stop();
    await closePlan(plan);
    db.pragma(`cache_size = ${previousCache}`);
    if (rollbackJournal) leaveRollbackJournal(db);
  }
}
