// What the mapping screen shows: the header, the first rows, and the suggested mapping.
import { resolveMapping, suggestMapping, type ColumnMapping } from './columnMapping';
import type { FileKind } from './importProblems';
import { ROLES } from '../../shared/extract/extractRoles';
import { ReadError } from './importProblems';
import { isXlsxPath, openRowSource } from './rowSource';

export const PREVIEW_ROWS = 20;
/**
 * A preview reads no more than this, and gives up after this long: a 150 MB file without a line
 * break used to take 80 s and 600 MB to show nothing.
 */
export const PREVIEW_MAX_BYTES = 4 * 1024 * 1024;
export const PREVIEW_MAX_MS = 20_000;

export interface FilePreview {
  headers: string[];
  rows: string[][];
  /** The line/sheet row of each preview row. */
  lines: number[];
  suggested: ColumnMapping;
  /** Required roles the suggestion could not find: the analyst maps them by hand. */
  unmatchedRequired: string[];
  /** XLSX: every sheet of the workbook; CSV: empty. */
  sheets: string[];
}

const DMY_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

export interface PreviewOptions {
  kind: FileKind;
  sheet?: string;
  rows?: number;
}

/** Reads only the first rows, within PREVIEW_MAX_BYTES and PREVIEW_MAX_MS. Throws ReadError when the file cannot be read. */
export async function previewFile(path: string, options: PreviewOptions): Promise<FilePreview> {
  const signal = AbortSignal.timeout(PREVIEW_MAX_MS);
  let timer: NodeJS.Timeout | undefined;
  // The CSV reader stops itself on the signal; the XLSX reader is only raced (its reading ends on its own).
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new ReadError(`took longer than ${PREVIEW_MAX_MS / 1000} s to preview`)), PREVIEW_MAX_MS + 1_000);
  });
  try {
    return await Promise.race([readPreview(path, options, signal), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function readPreview(path: string, options: PreviewOptions, signal: AbortSignal): Promise<FilePreview> {
  const want = options.rows ?? PREVIEW_ROWS;
  const source = await openRowSource(path, { sheet: options.sheet, limits: { maxBytes: PREVIEW_MAX_BYTES, signal } });
  const rows: string[][] = [];
  const lines: number[] = [];
  try {
    for await (const batch of source.batches()) {
      for (let i = 0; i < batch.cells.length && rows.length < want; i++) {
        rows.push(batch.cells[i]);
        lines.push(batch.lines[i]);
      }
      if (rows.length >= want) break;
    }
  } finally {
    await source.close();
  }
  const suggested = suggestMapping(source.headers, options.kind);
  // Suggest DD/MM/YYYY when the first date column's sample values are written that way.
  const dateRole = ROLES[options.kind].find((r) => r.rule === 'date' && suggested.columns[r.name] !== undefined);
  if (dateRole) {
    const index = source.headers.indexOf(suggested.columns[dateRole.name]);
    if (rows.some((r) => DMY_DATE.test((r[index] ?? '').trim()))) suggested.dateFormat = 'dmy';
  }
  const { missingRequired } = resolveMapping(source.headers, options.kind, suggested);
  return {
    headers: source.headers,
    rows,
    lines,
    suggested,
    unmatchedRequired: missingRequired,
    // Loaded only for an XLSX file (see rowSource.ts).
    sheets: isXlsxPath(path) ? await (await import('./xlsxRecords')).listSheets(path) : [],
  };
}
