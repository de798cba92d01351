// One reader interface over CSV and XLSX: the header, then the data rows in file order.
import { extname } from 'node:path';
import { openCsvRecords } from './csvRecords';
import { ReadError } from './importProblems';
import { assertRegularFile } from './regularFile';
import type { ReadLimits } from './hashedFileChunks';

/**
 * Rows come in batches (one per chunk read) rather than one per await: an await per row
 * costs more than parsing the row on a million-row file.
 */
export interface RowBatch {
  /** Raw cells as text, untrimmed; a row may have more or fewer cells than the header. */
  cells: string[][];
  /** 1-based data row number of cells[0]; cells[i] is row firstRow + i. */
  firstRow: number;
  /** File line (CSV) or sheet row number (XLSX) where each row starts. */
  lines: number[];
}

/** Raw records as a reader produces them, the header included. */
export interface RecordBatch {
  cells: string[][];
  lines: number[];
}

export interface RecordStream {
  records: AsyncGenerator<RecordBatch>;
  bytesTotal: number;
  bytesRead(): number;
  sha256(): string;
}

export interface RowSource {
  readonly headers: string[];
  readonly headerLine: number;
  readonly bytesTotal: number;
  /** Bytes of the file read so far (for progress). */
  bytesRead(): number;
  /** The data rows after the header; iterate once. Throws ReadError on unreadable content. */
  batches(): AsyncGenerator<RowBatch>;
  /** SHA-256 (hex) of the file's bytes; complete once batches() has been consumed. */
  sha256(): string;
  /** Stops reading early (after an error or a cancel). */
  close(): Promise<void>;
}

export interface OpenRowSourceOptions {
  /** XLSX only: the sheet to read; the first sheet when absent. */
  sheet?: string;
  /** CSV only: bounds on the bytes read and the time taken (previews). */
  limits?: ReadLimits;
}

export function isXlsxPath(path: string): boolean {
  return extname(path).toLowerCase() === '.xlsx';
}

/** Opens a CSV or XLSX file (by extension) and reads up to its header row. */
export async function openRowSource(path: string, options: OpenRowSourceOptions = {}): Promise<RowSource> {
  // The CSV reader opens the file as a regular one itself; the XLSX file is checked first. The XLSX
  // reader (yauzl, saxes) is loaded only for an XLSX file: a job's worker or the service starts
  // without it.
  if (isXlsxPath(path)) assertRegularFile(path);
  const stream = isXlsxPath(path) ? await (await import('./xlsxRecords')).openXlsxRecords(path, options.sheet) : await openCsvRecords(path, options.limits);
  const records = stream.records;
  let pending: RecordBatch | null = null;
  let headers: string[] | null = null;
  let headerLine = 1;
  while (headers === null) {
    const next = await records.next();
    if (next.done) throw new ReadError('the file is empty: no header row');
    const batch = next.value;
    if (batch.cells.length === 0) continue;
    headers = batch.cells[0];
    headerLine = batch.lines[0];
    pending = { cells: batch.cells.slice(1), lines: batch.lines.slice(1) };
  }
  async function* batches(): AsyncGenerator<RowBatch> {
    let nextRow = 1;
    if (pending && pending.cells.length > 0) {
      yield { cells: pending.cells, lines: pending.lines, firstRow: nextRow };
      nextRow += pending.cells.length;
    }
    pending = null;
    for await (const batch of records) {
      if (batch.cells.length === 0) continue;
      yield { cells: batch.cells, lines: batch.lines, firstRow: nextRow };
      nextRow += batch.cells.length;
    }
  }
  return {
    headers,
    headerLine,
    bytesTotal: stream.bytesTotal,
    bytesRead: stream.bytesRead,
    batches,
    sha256: stream.sha256,
    close: async () => {
      await records.return(undefined);
    },
  };
}
