// matches-<analysis>.csv of CLI.md: record_id,treated,score,weight,set, one row per record of the analysis in
// record_id order; `set` is MatchIt's `subclass` for nearest neighbour without replacement (a matched treated record
// and the controls it took share it), empty otherwise (with replacement or radius/kernel a comparison record can serve
// several sets: pairs-<analysis>.csv lists every pair). Record-level data: written only when explicitly asked for,
// through the one export writer (atomic, audited, never over a file unasked) with record ids defused by csvField.
import type { RunRecords } from '../../db/runs/runStore';
import type { MatchFacts, MatchedSetIndex } from '../../shared/engine/matchedSets';
import { allPairs } from '../../shared/engine/matchedSets';
import { csvChunks, type RowCount } from './csvLines';
import { csvField, csvLine } from '../../shared/format/csvField';
import { writeExportFile, type ExportFileOptions } from './exportFile';
import { fileNamePart } from './fileNamePart';

/** `matches-<name>.csv`, the name made safe for any file system. */
export function matchesFileName(analysis: string): string {
  return `matches-${fileNamePart(analysis)}.csv`;
}

/** `pairs-<name>.csv`, the long form of the matched sets. */
export function pairsFileName(analysis: string): string {
  return `pairs-${fileNamePart(analysis)}.csv`;
}

/** Whether the matches file has a set id per row (MatchIt gives `subclass` only then). */
export function hasSetColumn(facts: MatchFacts): boolean {
  return facts.method === 'nearest' && !facts.replace;
}

/**
 * Writes the file; `sets`: MatchIt's set number of each row when the file has a set column (hasSetColumn), else null.
 * `written.rows` counts its rows as they go, for the audit entry `options.publish` writes.
 */
export async function writeMatchesCsv(path: string, r: RunRecords, sets: Int32Array | null, options: ExportFileOptions, written: RowCount): Promise<void> {
  const { recordIds, treated, score, weight } = r;
  // A national pool's 300,000 rows: numbers are joined as they are (csvField writes a number as String(x), the
  // shortest round-trip decimal, so the same double always prints the same text), only the record id is a text field.
  function* lines(): Generator<string> {
    for (let i = 0; i < recordIds.length; i++) yield `${csvField(recordIds[i])},${treated[i]},${score[i]},${weight[i]},${sets && sets[i] > 0 ? sets[i] : ''}`;
  }
  await writeExportFile(path, csvChunks(['record_id', 'treated', 'score', 'weight', 'set'], lines(), written), options);
}

/**
 * pairs-<analysis>.csv: set,treated_id,comparison_id,distance,pair_weight, one row per (treated, comparison) pair,
 * treated records in record_id order (set = MatchIt's numbering of matched treated records) and each set closest first.
 * A comparison record's pair weights sum to its weight in the matches file (MatchIt's `get_matches()` long form).
 */
export async function writePairsCsv(path: string, index: MatchedSetIndex, options: ExportFileOptions, written: RowCount): Promise<void> {
  const ids = index.stored.recordIds;
  function* lines(): Generator<string> {
    for (const { treated, member } of allPairs(index)) yield csvLine([index.setNumber[treated], ids[treated], ids[member.row], member.distance, member.pairWeight]);
  }
  await writeExportFile(path, csvChunks(['set', 'treated_id', 'comparison_id', 'distance', 'pair_weight'], lines(), written), options);
}
