// Streaming CSV reader (csv-parse 6): UTF-8 with or without BOM, , ; or TAB, quotes, LF or CRLF.
import { createReadStream } from 'node:fs';
import { parse, type Parser } from 'csv-parse';
import { readHashedFile, type ReadLimits } from './hashedFileChunks';
import { ReadError } from './importProblems';
import type { RecordBatch, RecordStream } from './rowSource';
import { sniffDelimiter } from './sniffDelimiter';
import { Utf8Guard } from './utf8Guard';

/**
 * csv-parse's stream Parser wraps a synchronous core (`parser.api.parse(chunk, end, push, close)`)
 * that calls `push` for each record while `parser.info` still describes that record. Driving the
 * core directly gives every record's line number for free; the stream interface only offers
 * it through `info: true`, which copies an info object per record (about 25% slower).
 */
interface CsvParseCore {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}
type CoreParser = Parser & { api: CsvParseCore };

interface CsvErrorLike extends Error {
  code?: string;
  lines?: number;
}

function isBlankRecord(record: string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

async function lineAtByte(path: string, offset: number): Promise<number> {
  let line = 1;
  let seen = 0;
  for await (const chunk of createReadStream(path, { end: Math.max(0, offset - 1) }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 0x0a) line++;
    seen += chunk.length;
  }
  return seen === 0 ? 1 : line;
}

export async function openCsvRecords(path: string, limits: ReadLimits = {}): Promise<RecordStream> {
  const file = readHashedFile(path, limits);
  const guard = new Utf8Guard();
  let parser: CoreParser | null = null;
  let lastEndLine = 0;
  let lastEmptyLines = 0;
  let batch: RecordBatch = { cells: [], lines: [] };
  let recordsSeen = 0;
  const push = (record: string[]) => {
    const info = parser!.info;
    const start = lastEndLine + 1 + (info.empty_lines - lastEmptyLines);
    lastEndLine = info.lines;
    lastEmptyLines = info.empty_lines;
    if (isBlankRecord(record)) return; // e.g. ",,,," lines that spreadsheets leave at the end
    batch.cells.push(record);
    batch.lines.push(start);
    recordsSeen++;
  };
  const noClose = () => {};

  // The failing record starts after the last complete one; with the header as record 0, its
  // index is also its data row number.
  function fail(err: CsvErrorLike): never {
    const info = parser!.info;
    const line = lastEndLine + 1 + (info.empty_lines - lastEmptyLines);
    const reason = err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : err.message;
    throw new ReadError(`cannot be read as CSV: ${reason}`, line, recordsSeen > 0 ? recordsSeen : null);
  }

  async function* records(): AsyncGenerator<RecordBatch> {
    for await (const chunk of file.chunks) {
      const verdict = guard.check(chunk);
      if (!verdict.ok) {
        const line = await lineAtByte(path, verdict.offset);
        throw new ReadError(
          verdict.reason === 'binary'
            ? `is not a text file (a NUL byte at byte ${verdict.offset}, line ${line}): save it as CSV UTF-8 or XLSX`
            : `is not UTF-8 text (invalid bytes at byte ${verdict.offset}, line ${line}): save it as CSV UTF-8`,
          line,
        );
      }
      if (parser === null) {
        const delimiter = sniffDelimiter(chunk.toString('utf8', 0, Math.min(chunk.length, 64 * 1024)).replace(/^\uFEFF/, ''));
        parser = parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as CoreParser;
      }
      const err = parser.api.parse(chunk, false, push, noClose);
      if (err) fail(err);
      if (batch.cells.length > 0) {
        yield batch;
        batch = { cells: [], lines: [] };
      }
    }
    const final = guard.check(Buffer.alloc(0), true);
    if (!final.ok) throw new ReadError('is not UTF-8 text (the file ends inside a character)', null);
    if (parser !== null) {
      const err = (parser as CoreParser).api.parse(undefined, true, push, noClose);
      if (err) fail(err);
    }
    if (batch.cells.length > 0) yield batch;
  }

  return { records: records(), bytesTotal: file.bytesTotal, bytesRead: file.bytesRead, sha256: file.sha256 };
}
