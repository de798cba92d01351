// One file's load: read, check and write its rows (here or in a worker thread), and collect the
// columns the column store keeps. It owns everything that is per file: rows read, its problems,
// its checksum, its column builders.
import { BatchInserter } from '../extract/batchInserter';
import { addColumn, PersonIdBuilder, type ColumnBuilder } from '../columnStore/columnBuilders';
import { writeColumnBatch, type ColumnSink } from './columnBatch';
import { startFileWorker, type FileWorkerLoad } from './fileWorkerLoad';
import type { WorkerFileKind } from './fileWorkerProtocol';
import { addReadProblem, ProblemLog } from './importProblems';
import type { PlannedFile } from './importPlan';
import { loadRows, type RowCheck, type RowSink, type StoredValue } from './loadRows';
import type { ReoffenceTally } from './rowChecks';
import type { Db } from '../store';

/** Passes each row to the store's inserter and, column by column, to the column builders. */
class CollectingSink implements RowSink, ColumnSink {
  readonly params: StoredValue[];
  /** Columns whose builder takes a worker's codes directly (PersonIdBuilder.addCoded), not each row's value. */
  readonly coded: boolean[] = [];
  constructor(
    private readonly inner: BatchInserter,
    private readonly builders: (ColumnBuilder | null)[],
  ) {
    this.params = inner.params;
  }
  nextRowOffset(): number {
    return this.inner.nextRowOffset();
  }
  commitRow(): void {
    const base = this.inner.nextRowOffset();
    for (let k = 0; k < this.builders.length; k++) if (!this.coded[k]) this.builders[k]?.add(this.params[base + k]);
    this.inner.commitRow();
  }
  writeColumns(columns: (Float64Array | StoredValue[])[], rows: number): void {
    for (let k = 0; k < this.builders.length; k++) {
      const builder = this.builders[k];
      if (builder && !this.coded[k]) addColumn(builder, columns[k], rows);
    }
    this.inner.writeColumns(columns, rows);
  }
  flush(): void {
    this.inner.flush();
  }
}

export interface FileLoaderOptions {
  /** Read in a worker thread (only cohort and reoffences can be). */
  inWorker: boolean;
  maxDay: number;
  /** Computed columns written after the feeds (participants' row_no). */
  computed: string[];
  /** Per feed: where its values are collected for the column store (null: not kept). */
  builders: (ColumnBuilder | null)[];
  /** The file's row check, reporting into the loader's problems and tallying its latest disposal. */
  check: (problems: ProblemLog, tally: ReoffenceTally) => RowCheck;
  /** Whether rows are still worth writing (no problem anywhere yet). */
  writing: () => boolean;
  /** Called at most once per batch of rows read. */
  onProgress: () => void;
  signal?: AbortSignal;
}

export class FileLoader {
  readonly problems = new ProblemLog();
  rows = 0;
  done = false;
  /** Reoffences: the latest disposal day (-Infinity without rows). */
  readonly tally: ReoffenceTally = { latestDisposal: -Infinity };
  private worker: FileWorkerLoad | null = null;
  private workerBytes = 0;
  private workerProblems = 0;
  private workerSha256: string | null = null;
  /** The texts of the worker's dictionary columns so far (columnBatch.ts). */
  private readonly dictionaries: string[][] = [];
  private readonly sink: CollectingSink | null;

  constructor(
    db: Db,
    readonly file: PlannedFile,
    private readonly options: FileLoaderOptions,
  ) {
    this.sink = file.resolved
      ? new CollectingSink(new BatchInserter(db, file.kind, [...file.feeds.map((f) => f.column), ...options.computed]), options.builders)
      : null;
  }

  /** Problems found so far, the worker's included. */
  get problemsFound(): number {
    return this.problems.total + this.workerProblems;
  }

  bytesRead(): number {
    return this.worker ? this.workerBytes : (this.file.source?.bytesRead() ?? 0);
  }

  sha256(): string {
    return this.workerSha256 ?? this.file.source!.sha256();
  }

  /** Starts the worker thread of a file read in one; a no-op for the others. */
  start(): void {
    const { file, options } = this;
    if (!options.inWorker || !this.sink || !file.source || !file.resolved) return;
    const sink = this.sink;
    this.worker = startFileWorker({
      kind: file.kind as WorkerFileKind,
      path: file.input.path,
      sheet: file.input.sheet,
      fileName: file.fileName,
      feeds: file.feeds.map((x) => ({ ...x, extra: x.extra && { name: x.extra.name, override: x.extra.override } })),
      cell: { dmy: file.mapping.dateFormat === 'dmy', maxDay: options.maxDay },
      headerWidth: file.source.headers.length,
      unnamed: file.resolved.unnamed,
    }, {
      onRows: (batch) => {
        if (!options.writing()) return;
        const coded = batch.columns.map((column, k) =>
          options.builders[k] instanceof PersonIdBuilder && !(column instanceof Float64Array) && !Array.isArray(column) ? column : null);
        coded.forEach((column, k) => (sink.coded[k] = column !== null));
        writeColumnBatch(batch, sink, this.dictionaries);
        coded.forEach((column, k) => column && (options.builders[k] as PersonIdBuilder).addCoded(column.codes, this.dictionaries[k]));
      },
      onProgress: (rows, bytes, found) => {
        this.rows = rows;
        this.workerBytes = bytes;
        this.workerProblems = found;
        options.onProgress();
      },
      signal: options.signal,
    });
  }

  /** Reads the file here, or waits for its worker; read errors become problems of the file. */
  async load(): Promise<void> {
    const { file, options } = this;
    if (this.worker) {
      const result = await this.worker.finished;
      this.problems.append(result);
      this.workerProblems = 0;
      this.rows = result.rows;
      this.workerSha256 = result.sha256;
      this.workerBytes = file.source!.bytesTotal;
      this.tally.latestDisposal = result.latestDisposal;
      result.extras.forEach((o, k) => {
        if (o) file.feeds[k].extra!.absorb(o);
      });
    } else if (this.sink && file.source && file.resolved) {
      try {
        this.rows = await loadRows(file.source, file.feeds, this.sink, options.check(this.problems, this.tally), {
          kind: file.kind,
          file: file.fileName,
          problems: this.problems,
          cell: { dmy: file.mapping.dateFormat === 'dmy', maxDay: options.maxDay },
          headerWidth: file.source.headers.length,
          unnamed: file.resolved.unnamed,
          writing: options.writing,
          signal: options.signal,
          onBatch: (rows) => {
            this.rows = rows;
            options.onProgress();
          },
        });
      } catch (err) {
        await file.source.close();
        addReadProblem(this.problems, file.kind, file.fileName, err);
      }
    }
    if (options.writing()) this.sink?.flush();
    this.done = true;
    options.onProgress();
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
  }
}
