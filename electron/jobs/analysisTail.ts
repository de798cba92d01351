// The tail of an analysis: its outcome part (shared/results/buildRunResults.ts), its records encoded for the save
// (db/runs/runStore.ts encodeRecords) and, for the command line, its matches file. It reads only the matching and the
// cohort, so the thread that matched an analysis offers it to the other thread as soon as the matching is made and
// goes on with the balance table. The tail's pieces are claimed one by one: the other thread, once its own analyses
// are built, takes the matches file first, then the records, then the outcomes; the offering thread, once its balance
// table is done, takes them back in the opposite order. So when both threads come to a tail at about the same time,
// each computes part of it, rather than one the whole tail while the other waits (a national pool's tail is about a
// quarter of its analysis at 300k records). Finer pieces (the matches file in parts of its rows) measured slower: each
// part's call starts in code not yet optimised on each thread.
// Which thread computes a piece changes nothing in it: the same function on the same arrays.
import type { Spec } from '../../shared/engine/analysisSpec';
import { recordIdsAt } from '../../shared/engine/prepareAnalysis';
import { outcomePart, type CohortData, type MatchedRows, type OutcomePart } from '../../shared/results/buildRunResults';
import { matchFactsOf, prepareMatches, type PreparedMatches } from '../exports/matchesCsv';
import { encodeRecords, type EncodedRecords } from '../../db/runs/runStore';

export interface AnalysisTail {
  part: OutcomePart;
  encoded: EncodedRecords;
  /** Its matches file, when asked for. */
  matches: PreparedMatches | null;
}

export const OUTCOMES_PIECE = 0;
export const MATCHES_PIECE = 1;
export const RECORDS_PIECE = 2;
export type TailPiece = typeof OUTCOMES_PIECE | typeof MATCHES_PIECE | typeof RECORDS_PIECE;
export const TAIL_PIECE_NAMES = ['outcomes', 'matches', 'records'] as const;
export type TailPieceResult =
  | { piece: typeof OUTCOMES_PIECE; part: OutcomePart }
  | { piece: typeof MATCHES_PIECE; matches: PreparedMatches }
  | { piece: typeof RECORDS_PIECE; encoded: EncodedRecords };

/** A tail's pieces in the order the offering thread keeps them (the other thread takes them in reverse): the matches file only when asked for. */
export const tailPieces = (matchesFile: boolean): TailPiece[] => (matchesFile ? [OUTCOMES_PIECE, RECORDS_PIECE, MATCHES_PIECE] : [OUTCOMES_PIECE, RECORDS_PIECE]);

const SLOTS_PER_ANALYSIS = 3;

/** The claim slot (analysisTail's Int32Array) of analysis a's piece. */
export const tailSlot = (a: number, piece: TailPiece): number => SLOTS_PER_ANALYSIS * a + piece;

/** The number of claim slots for n analyses. */
export const tailSlots = (n: number): number => SLOTS_PER_ANALYSIS * n;

export function tailPiece(data: CohortData, spec: Spec, a: number, m: MatchedRows, piece: TailPiece): TailPieceResult {
  if (piece === OUTCOMES_PIECE) return { piece, part: outcomePart(data, spec, a, m) };
  const recordIds = recordIdsAt(data.table.recordIds, m.rows);
  // The first analysis's record ids are always stored; a later one's only when they differ from an earlier one's.
  if (piece === RECORDS_PIECE) return { piece, encoded: encodeRecords({ ...m, recordIds }, a === 0) };
  const analysis = spec.analyses[a];
  return { piece, matches: prepareMatches(analysis.name, matchFactsOf(analysis.matching, m.caliper), { ...m, recordIds }) };
}

/** What a piece's result hands to another thread without copying (its bytes), for postMessage's transfer list. */
export function tailPieceTransfers(result: TailPieceResult): ArrayBuffer[] {
  if (result.piece === MATCHES_PIECE) return [result.matches.bytes.buffer as ArrayBuffer];
  if (result.piece === RECORDS_PIECE) return encodedTransfers(result.encoded);
  return [];
}

export function encodedTransfers(encoded: EncodedRecords): ArrayBuffer[] {
  return Object.values(encoded.columns).flatMap((c) => (c ? [c.buffer as ArrayBuffer] : []));
}

/** The tail from its pieces, each computed here or on the other thread. */
export function tailOfPieces(pieces: readonly TailPieceResult[]): AnalysisTail {
  let part: OutcomePart | undefined;
  let encoded: EncodedRecords | undefined;
  let matches: PreparedMatches | null = null;
  for (const p of pieces) {
    if (p.piece === OUTCOMES_PIECE) part = p.part;
    else if (p.piece === RECORDS_PIECE) encoded = p.encoded;
    else matches = p.matches;
  }
  if (!part || !encoded) throw new Error('a tail without its outcome part or its records');
  return { part, encoded, matches };
}

export function analysisTail(data: CohortData, spec: Spec, a: number, m: MatchedRows, matchesFile: boolean): AnalysisTail {
  return tailOfPieces(tailPieces(matchesFile).map((piece) => tailPiece(data, spec, a, m, piece)));
}

// Where each piece of an analysis's tail is, one Int32 per piece in shared memory (tailSlot): each change is one
// compare-and-exchange, so exactly one thread computes each piece.
/** Not offered: the thread that matched the analysis computes the piece. */
export const TAIL_KEPT = 0;
export const TAIL_OFFERED = 1;
/** Taken by the other thread. */
export const TAIL_TAKEN = 2;
/** Taken back by the thread that offered it. */
export const TAIL_TAKEN_BACK = 3;

/** Marks a piece as offered (before the analysis's matched rows are posted). */
export function offerTail(claims: Int32Array, slot: number): void {
  Atomics.store(claims, slot, TAIL_OFFERED);
}

/** The other thread's claim: true when it is to compute the piece. */
export function takeTail(claims: Int32Array, slot: number): boolean {
  return Atomics.compareExchange(claims, slot, TAIL_OFFERED, TAIL_TAKEN) === TAIL_OFFERED;
}

/** The offering thread's claim once its balance table is done: true when it is to compute the piece itself. */
export function keepTail(claims: Int32Array, slot: number): boolean {
  return Atomics.compareExchange(claims, slot, TAIL_OFFERED, TAIL_TAKEN_BACK) !== TAIL_TAKEN;
}
