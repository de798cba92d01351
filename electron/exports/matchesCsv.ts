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
/** Rows per block of bytes: about 0.5 MB (a national pool's file is written in a few hundred blocks). */
const BLOCK_ROWS = 8192;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const ZERO = 0x30;
/**
 * A row after its id, at most: treated (a byte: 3 digits), score and weight (a double's String: 25 characters, as
 * -0.0000012345678901234567), set (an Int32 above 0: 10 digits) and 5 separators.
 */
const ROW_TAIL_BYTES = 3 + 25 + 25 + 10 + 5;

/**
 * Whether csvField leaves the id as it is and every character is ASCII, so that its bytes are its character codes:
 * no formula start first (= + - @ tab CR), no quote, comma or line break. Every other id goes through csvField.
 */
function plainAsciiId(id: string): boolean {
  const first = id.charCodeAt(0);
  if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === 0x09 || first === 0x0d) return false;
  for (let k = 0; k < id.length; k++) {
    const c = id.charCodeAt(k);
    if (c > 0x7e || c === 0x22 || c === COMMA || c === NEWLINE || c === 0x0d) return false;
  }
  return true;
}

/** ASCII text at `at`, its room made beforehand; returns the end. */
function putAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) bytes[at++] = text.charCodeAt(k);
  return at;
}

/**
 * Rows from .. to - 1 of the file as UTF-8, each `csvLine([record_id, treated, score, weight, set])` and a line end:
 * written byte by byte rather than as lines joined and encoded, which took 8-37% longer on 249,118 rows in a
 * micro-benchmark and 4% more CPU in the bundled command at 1M (most of the cost is String of the doubles). A number
 * is String(x), the shortest round-trip decimal (ASCII), as csvField writes it;
 * `sets`: MatchIt's set number of each row when the file has a set column (hasSetColumn), else null.
 * The buffer and its length are plain locals, with the room for a whole row made once: kept in a closure's
 * variables, written at every byte, they cost a quarter of the time (1.67M rows of the 1M benchmark: 1.4 s, 1.1 s).
 */
function rowBytes(r: RunRecords, sets: Int32Array | null, from: number, to: number): Uint8Array {
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(64 * (to - from));
  let used = 0;
  for (let i = from; i < to; i++) {
    const id = r.recordIds[i];
    const plain = plainAsciiId(id);
    const field = plain ? id : csvField(id);
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const need = (plain ? field.length : 3 * field.length) + ROW_TAIL_BYTES;
    if (bytes.length - used < need) {
      const grown = new Uint8Array(Math.max(2 * bytes.length, used + need));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
    }
    if (plain) used = putAscii(bytes, used, field);
    else used += encoder.encodeInto(field, bytes.subarray(used)).written;
    bytes[used++] = COMMA;
    used = putAscii(bytes, used, String(r.treated[i]));
    bytes[used++] = COMMA;
    used = putAscii(bytes, used, String(r.score[i]));
    bytes[used++] = COMMA;
    const w = r.weight[i];
    if (w === 0) bytes[used++] = ZERO;
    else used = putAscii(bytes, used, String(w));
    bytes[used++] = COMMA;
    if (sets && sets[i] > 0) used = putAscii(bytes, used, String(sets[i]));
    bytes[used++] = NEWLINE;
  }
  return bytes.slice(0, used);
}

/** The file's bytes in blocks, the header first; `written.rows` counts the rows as they go, for the audit entry. */
function* matchesBlocks(r: RunRecords, sets: Int32Array | null, written: RowCount): Generator<Uint8Array> {
  yield new TextEncoder().encode(csvLine(MATCHES_HEADER) + '\n');
  const n = r.recordIds.length;
  for (let from = 0; from < n; from += BLOCK_ROWS) {
    const to = Math.min(n, from + BLOCK_ROWS);
    yield rowBytes(r, sets, from, to);
    written.rows += to - from;
  }
}

/** Writes the file from a stored analysis's records; `options.publish` writes the audit entry with `written.rows`. */
export async function writeMatchesCsv(path: string, r: RunRecords, sets: Int32Array | null, options: ExportFileOptions, written: RowCount): Promise<void> {
  await writeExportFile(path, matchesBlocks(r, sets, written), options);
}

/** A matches file's bytes, made where its analysis was built (electron/jobs/analysisThreads.ts) to be written later. */
export interface PreparedMatches {
  analysis: string;
  bytes: Uint8Array;
  rows: number;
}

/** The matches file of an analysis just matched: the bytes writeMatchesCsv writes from the stored run. */
export function prepareMatches(analysis: string, facts: MatchFacts, records: SetRecords & Pick<StoredMatch, 'score'>): PreparedMatches {
  const sets = hasSetColumn(facts) ? setNumbers(records, facts.replace) : null;
  const written = { rows: 0 };
  const blocks = [...matchesBlocks(records, sets, written)];
  // One buffer of its own (not a view of a larger one, nor Node's shared pool), so that it can be transferred between threads.
  const bytes = new Uint8Array(blocks.reduce((sum, b) => sum + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    bytes.set(b, at);
    at += b.length;
  }
  return { analysis, bytes, rows: written.rows };
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
