// The problems of a failed import as a CSV the analyst can open in a spreadsheet and work through.
import type { ImportProblem } from '../../shared/api';
import { csvLine } from '../../shared/format/csvField';

const HEADER = ['file', 'kind', 'row', 'line', 'column', 'value', 'message'] as const;

/** CRLF lines with a UTF-8 byte order mark, so Excel reads accented names correctly. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  const lines = [HEADER.join(',')];
  for (const p of problems) lines.push(csvLine([p.file, p.kind, p.row, p.line, p.column, p.value, p.message]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
