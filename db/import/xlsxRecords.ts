// Streaming XLSX reader (exceljs 4 WorkbookReader): one sheet, cells turned back into text.
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { readHashedFile } from './hashedFileChunks';
import { ReadError } from './importProblems';
import type { RecordBatch, RecordStream } from './rowSource';

// exceljs sets these on the stream readers but its typings omit them.
type NamedWorksheetReader = ExcelJS.stream.xlsx.WorksheetReader & { name: string };
type WorkbookReaderWithModel = ExcelJS.stream.xlsx.WorkbookReader & { model?: { sheets?: { name: string }[] } };

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  // Styles are needed to know which numbers are dates (exceljs then gives Date objects).
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The text a cell shows, as a CSV export would give it. Date cells become ISO dates (exceljs reads
 * them as UTC midnight), which the importer accepts whatever the mapping's date format.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

function rowCells(values: unknown[], width: number): string[] {
  // exceljs row.values is 1-based and sparse; trailing empty cells are simply absent.
  const cells: string[] = new Array(Math.max(width, values.length - 1)).fill('');
  for (let c = 1; c < values.length; c++) cells[c - 1] = cellText(values[c]);
  let end = cells.length;
  while (end > width && cells[end - 1].trim() === '') end--;
  cells.length = end;
  return cells;
}

function sameSheetName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function unreadable(err: unknown): ReadError {
  if (err instanceof ReadError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ReadError(`cannot be read as XLSX: ${message}`);
}

/**
 * Reads a sheet we do not want to its end: exceljs may have spooled it to a temporary file that it
 * deletes once we move on, and an unread stream on it would then fail.
 */
async function drain(sheet: ExcelJS.stream.xlsx.WorksheetReader): Promise<void> {
  for await (const _events of sheet.parse() as unknown as AsyncIterable<unknown>) {
    // nothing to keep
  }
}

/** Lists the sheet names of a workbook, in workbook order (for the import screen). */
export async function listSheets(path: string): Promise<string[]> {
  const file = readHashedFile(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file.chunks), READER_OPTIONS) as WorkbookReaderWithModel;
  const emitted: string[] = [];
  try {
    for await (const sheet of reader) {
      emitted.push((sheet as NamedWorksheetReader).name);
      await drain(sheet);
    }
  } catch (err) {
    throw unreadable(err);
  }
  return reader.model?.sheets?.map((s) => s.name) ?? emitted;
}

export async function openXlsxRecords(path: string, sheet?: string): Promise<RecordStream> {
  const file = readHashedFile(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file.chunks), READER_OPTIONS) as WorkbookReaderWithModel;

  async function* records(): AsyncGenerator<RecordBatch> {
    const seen: string[] = [];
    let found = false;
    try {
      // Every sheet is read to its end so that the whole file is hashed.
      for await (const ws of reader) {
        const name = (ws as NamedWorksheetReader).name;
        seen.push(name);
        const wanted = sheet ?? reader.model?.sheets?.[0]?.name ?? name;
        if (found || !sameSheetName(name, wanted)) {
          await drain(ws);
          continue;
        }
        found = true;
        let width = -1;
        for await (const events of ws.parse() as unknown as AsyncIterable<{ eventType: string; value: ExcelJS.Row }[]>) {
          const batch: RecordBatch = { cells: [], lines: [] };
          for (const { eventType, value } of events) {
            if (eventType !== 'row') continue;
            const cells = rowCells(value.values as unknown[], Math.max(width, 0));
            if (cells.every((c) => c.trim() === '')) continue;
            if (width < 0) width = cells.length;
            batch.cells.push(cells);
            batch.lines.push(value.number);
          }
          if (batch.cells.length > 0) yield batch;
        }
      }
    } catch (err) {
      throw unreadable(err);
    }
    if (!found) {
      throw new ReadError(sheet === undefined ? 'has no sheet' : `has no sheet named "${sheet}" (it has: ${seen.join(', ')})`);
    }
  }

  return { records: records(), bytesTotal: file.bytesTotal, bytesRead: file.bytesRead, sha256: file.sha256 };
}
