// The tail of an analysis: its outcome part (shared/results/buildRunResults.ts) and, for the command line, its
// matches file. It reads only the matching and the cohort, so the thread that matched an analysis offers it to the
// other thread as soon as the matching is made and goes on with the balance table. The tail is claimed piece by
// piece: the outcome part, then the matches file in MATCHES_PARTS parts of its rows. The other thread, once its own
// analyses are built, takes pieces from the first (the outcomes, the largest); the offering thread, once its balance
// table is done, takes them back from the last. So the two threads end within about one part of each other, rather
// than one computing a whole tail while the other waits (at 1M records National's tail is about 2.2 s: outcomes
// 0.9 s, matches file 1.3 s).
// Which thread computes a piece changes nothing in it: the same function on the same arrays, and the parts of the
// matches file put together are its bytes.
import type { Spec } from '../../shared/engine/analysisSpec';
import { outcomePart, type CohortData, type MatchedRows, type OutcomePart } from '../../shared/results/buildRunResults';
import { matchFactsOf, prepareMatches, type PreparedMatches } from '../exports/matchesCsv';

export interface AnalysisTail {
  part: OutcomePart;
  /** Its matches file, when asked for. */
  matches: PreparedMatches | null;
}

/** Piece 0 is the outcome part; pieces 1..MATCHES_PARTS the parts of the matches file, in row order. */
export const OUTCOMES_PIECE = 0;
export const MATCHES_PARTS = 8;
const PIECES_PER_ANALYSIS = 1 + MATCHES_PARTS;
export type TailPiece = number;
export type TailPieceResult = { piece: typeof OUTCOMES_PIECE; part: OutcomePart } | { piece: number; matches: PreparedMatches };

/** The pieces of a tail in the order the other thread takes them: the matches file's parts only when asked for. */
export const tailPieces = (matchesFile: boolean): TailPiece[] => Array.from({ length: matchesFile ? PIECES_PER_ANALYSIS : 1 }, (_, p) => p);

/** The claim slot (analysisTail's Int32Array) of analysis a's piece. */
export const tailSlot = (a: number, piece: TailPiece): number => PIECES_PER_ANALYSIS * a + piece;

/** The number of claim slots for n analyses. */
export const tailSlots = (n: number): number => PIECES_PER_ANALYSIS * n;

/** A piece's name in diagnostics: `outcomes` or `matches k/8`. */
export const tailPieceName = (piece: TailPiece): string => (piece === OUTCOMES_PIECE ? 'outcomes' : `matches ${piece}/${MATCHES_PARTS}`);

export function tailPiece(data: CohortData, spec: Spec, a: number, m: MatchedRows, piece: TailPiece): TailPieceResult {
  if (piece === OUTCOMES_PIECE) return { piece, part: outcomePart(data, spec, a, m) };
  const analysis = spec.analyses[a];
  const ids = data.table.recordIds;
  const n = m.rows.length;
  const recordIds = new Array<string>(n);
  for (let k = 0; k < n; k++) recordIds[k] = ids[m.rows[k]];
  const rows = { from: Math.floor(((piece - 1) * n) / MATCHES_PARTS), to: Math.floor((piece * n) / MATCHES_PARTS) };
  return { piece, matches: prepareMatches(analysis.name, matchFactsOf(analysis.matching, m.caliper), { ...m, recordIds }, rows) };
}

/** The tail from its pieces, each computed here or on the other thread, in any order. */
export function tailOfPieces(pieces: readonly TailPieceResult[]): AnalysisTail {
  const sorted = [...pieces].sort((x, y) => x.piece - y.piece);
  const first = sorted[0];
  if (!first || !('part' in first)) throw new Error('a tail without its outcome part');
  const parts = sorted.slice(1).map((p) => ('matches' in p ? p.matches : null)!);
  if (parts.length === 0) return { part: first.part, matches: null };
  const bytes = new Uint8Array(parts.reduce((sum, p) => sum + p.bytes.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p.bytes, at);
    at += p.bytes.length;
  }
  return { part: first.part, matches: { analysis: parts[0].analysis, bytes, rows: parts.reduce((sum, p) => sum + p.rows, 0) } };
}

export function analysisTail(data: CohortData, spec: Spec, a: number, m: MatchedRows, matchesFile: boolean): AnalysisTail {
  return tailOfPieces(tailPieces(matchesFile).map((piece) => tailPiece(data, spec, a, m, piece)));
}

// Where each piece of an analysis's tail is, one Int32 per piece in shared memory (tailSlot): each change is one
// compare-and-exchange, so exactly one thread computes each piece.
/** Not offered: the thread that matched the analysis computes it. */
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

/** The other thread's claim: true when it is to compute the tail. */
export function takeTail(claims: Int32Array, slot: number): boolean {
  return Atomics.compareExchange(claims, slot, TAIL_OFFERED, TAIL_TAKEN) === TAIL_OFFERED;
}

/** The offering thread's claim once its balance table is done: true when it is to compute the tail itself. */
export function keepTail(claims: Int32Array, slot: number): boolean {
  return Atomics.compareExchange(claims, slot, TAIL_OFFERED, TAIL_TAKEN_BACK) !== TAIL_TAKEN;
}
