// A CSV export's text in chunks of about 64 KiB (a national pool's pairs can be millions of rows), for the one export
// writer (exportFile.ts), which puts the file in place atomically together with its audit entry. Every text cell goes
// through the one CSV writer (shared/format/csvField.ts), which quotes and defuses formulas.
import { csvLine } from '../../shared/format/csvField';

/** Rows written so far: the audit entry, written once the last chunk is on disk, records the count. */
export interface RowCount {
  rows: number;
}

/** `lines`: each row's line without its line end, its text fields through csvField. */
export function* csvChunks(header: readonly string[], lines: Iterable<string>, written: RowCount): Generator<string> {
  let chunk = csvLine(header) + '\n';
  for (const line of lines) {
    chunk += line + '\n';
    written.rows++;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
