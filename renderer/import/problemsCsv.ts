// The problems of a failed import as a CSV the analyst can open in a spreadsheet and work through.
import type { ImportProblem } from '../../shared/api';

const HEADER = ['file', 'kind', 'row', 'line', 'column', 'value', 'message'] as const;

/**
 * One CSV field (RFC 4180 quoting). A value that a spreadsheet would run as a formula (=, +, -, @
 * at the start, and not simply a number such as "-3") gets a leading apostrophe: the values come
 * from untrusted files and the CSV is meant to be opened in Excel.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CRLF lines with a UTF-8 byte order mark, so Excel reads accented names correctly. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  const lines = [HEADER.join(',')];
  for (const p of problems) lines.push([p.file, p.kind, p.row, p.line, p.column, p.value, p.message].map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
