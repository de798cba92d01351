// matches-<analysis>.csv of CLI.md: record_id,treated,score,weight, one row per record of the
// analysis in record_id order. Record-level data: written only when explicitly asked for.
import type { RunRecords } from '../../db/runs/runStore';
import { csvField } from '../../shared/format/csvField';
import { writeExportFile, type ExportFileOptions } from './exportFile';

/** `matches-<name>.csv`, the name made safe for any file system. */
export function matchesFileName(analysis: string): string {
  return `matches-${analysis.replace(/[^A-Za-z0-9 _.-]/g, '_')}.csv`;
}

/** The CSV in chunks of about 64 KiB; record ids from the extract go through the defusing writer. */
export function* matchesCsvChunks(r: RunRecords): Generator<string> {
  let chunk = 'record_id,treated,score,weight\n';
  for (let i = 0; i < r.recordIds.length; i++) {
    // Shortest round-trip decimal: the same double always prints the same text.
    chunk += `${csvField(r.recordIds[i])},${r.treated[i]},${r.score[i]},${r.weight[i]}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

export async function writeMatchesCsv(path: string, r: RunRecords, options: ExportFileOptions): Promise<void> {
  await writeExportFile(path, matchesCsvChunks(r), options);
}
