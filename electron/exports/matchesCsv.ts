// matches-<analysis>.csv of CLI.md: record_id,treated,score,weight,set, one row per record of the analysis in
// record_id order; `set` is MatchIt's `subclass` for nearest neighbour without replacement (a matched treated record
// and the controls it took share it), empty otherwise (with replacement or radius/kernel a comparison record can serve
// several sets: pairs-<analysis>.csv lists every pair). Record-level data: written only when explicitly asked for,
// through the one export writer (atomic, audited, never over a file unasked) with record ids defused by csvField.
import type { RunRecords } from '../../db/runs/runStore';
import type { MatchFacts, MatchedSetIndex, MatchMethod, SetRecords, StoredMatch } from '../../shared/engine/matchedSets';
import type { MatchingSpec } from '../../shared/engine/analysisSpec';
import { allPairs, setNumbers } from '../../shared/engine/matchedSets';
import type { AnalysisCore } from '../../shared/results/runResults';
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

/** How an analysis matched, from its matching spec and the caliper it worked out. */
export function matchFactsOf(m: MatchingSpec, caliper: number | null): MatchFacts {
  return { method: m.method as MatchMethod, caliper, replace: m.method === 'nearest' ? m.replace : true };
}

/** How an analysis matched, as its matched sets are read back (a stored analysis's or one just built). */
export function matchFacts(analysis: Pick<AnalysisCore, 'spec' | 'matching'>): MatchFacts {
  return matchFactsOf(analysis.spec.matching, analysis.matching.caliper);
}

const MATCHES_HEADER = ['record_id', 'treated', 'score', 'weight', 'set'];

/**
 * Row i's line; `sets`: MatchIt's set number of each row when the file has a set column (hasSetColumn), else null.
 * A national pool's 300,000 rows: numbers are joined as they are (csvField writes a number as String(x), the shortest
 * round-trip decimal, so the same double always prints the same text), only the record id is a text field.
 */
function matchesLine(r: RunRecords, sets: Int32Array | null, i: number): string {
  return `${csvField(r.recordIds[i])},${r.treated[i]},${r.score[i]},${r.weight[i]},${sets && sets[i] > 0 ? sets[i] : ''}`;
}

/** The file's text in chunks; `written.rows` counts its rows as they go, for the audit entry. */
function matchesChunks(r: RunRecords, sets: Int32Array | null, written: RowCount): Generator<string> {
  function* lines(): Generator<string> {
    for (let i = 0; i < r.recordIds.length; i++) yield matchesLine(r, sets, i);
  }
  return csvChunks(MATCHES_HEADER, lines(), written);
}

/** Writes the file from a stored analysis's records; `options.publish` writes the audit entry with `written.rows`. */
export async function writeMatchesCsv(path: string, r: RunRecords, sets: Int32Array | null, options: ExportFileOptions, written: RowCount): Promise<void> {
  await writeExportFile(path, matchesChunks(r, sets, written), options);
}

/** A matches file's bytes, made where its analysis was built (electron/jobs/analysisThreads.ts) to be written later. */
export interface PreparedMatches {
  analysis: string;
  bytes: Uint8Array;
  rows: number;
}

/** The matches file of an analysis just matched: the same bytes writeMatchesCsv writes from the stored run. */
export function prepareMatches(analysis: string, facts: MatchFacts, records: SetRecords & Pick<StoredMatch, 'score'>): PreparedMatches {
  const sets = hasSetColumn(facts) ? setNumbers(records, facts.replace) : null;
  const n = records.recordIds.length;
  // Blocks of lines joined once each (cheaper than csvChunks' string concatenation) and encoded straight into the
  // file's bytes, so that a million rows never stand as a million strings at once.
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(64 * (n + 1));
  let used = 0;
  const append = (text: string) => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (bytes.length - used < 3 * text.length) {
      const grown = new Uint8Array(Math.max(2 * bytes.length, used + 3 * text.length));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
    }
    used += encoder.encodeInto(text, bytes.subarray(used)).written;
  };
  append(csvLine(MATCHES_HEADER) + '\n');
  const block: string[] = [];
  for (let i = 0; i < n; i++) {
    block.push(matchesLine(records, sets, i));
    if (block.length === 4096 || i === n - 1) {
      append(block.join('\n') + '\n');
      block.length = 0;
    }
  }
  // A copy of its own (not a view of a larger buffer, nor Node's shared pool), so that it can be transferred between threads.
  return { analysis, bytes: bytes.slice(0, used), rows: n };
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
