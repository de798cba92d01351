// matches-<analysis>.csv of CLI.md: record_id,treated,score,weight, one row per record of the
// analysis in record_id order. Record-level data: written only when explicitly asked for.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { RunRecords } from '../../db/runs/runStore';
import { fileNamePart } from './fileNamePart';

/** `matches-<name>.csv`, the name made safe for any file system. */
export function matchesFileName(analysis: string): string {
  return `matches-${fileNamePart(analysis)}.csv`;
}

export async function writeMatchesCsv(path: string, r: RunRecords): Promise<void> {
  const out = createWriteStream(path);
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  let chunk = 'record_id,treated,score,weight\n';
  for (let i = 0; i < r.recordIds.length; i++) {
    // Shortest round-trip decimal: the same double always prints the same text.
    chunk += `${quote(r.recordIds[i])},${r.treated[i]},${r.score[i]},${r.weight[i]}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
