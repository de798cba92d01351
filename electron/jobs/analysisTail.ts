// The tail of an analysis: its outcome part (shared/results/buildRunResults.ts) and, for the command line, its
// matches file. It reads only the matching and the cohort, so the thread that matched an analysis offers it to the
// other thread as soon as the matching is made and goes on with the balance table. The other thread takes it once its
// own analyses are built; otherwise the first thread takes it back. A national pool's tail is about an eighth of its
// analysis (outcomes, sensitivity and a line per pool record), which the second thread would otherwise idle through.
// Which thread computes a tail changes nothing in it: the same function on the same arrays.
import type { Spec } from '../../shared/engine/analysisSpec';
import { outcomePart, type CohortData, type MatchedRows, type OutcomePart } from '../../shared/results/buildRunResults';
import { matchFactsOf, prepareMatches, type PreparedMatches } from '../exports/matchesCsv';

export interface AnalysisTail {
  part: OutcomePart;
  /** Its matches file, when asked for. */
  matches: PreparedMatches | null;
}

export function analysisTail(data: CohortData, spec: Spec, a: number, m: MatchedRows, matchesFile: boolean): AnalysisTail {
  const part = outcomePart(data, spec, a, m);
  if (!matchesFile) return { part, matches: null };
  const analysis = spec.analyses[a];
  const ids = data.table.recordIds;
  const recordIds = new Array<string>(m.rows.length);
  for (let k = 0; k < m.rows.length; k++) recordIds[k] = ids[m.rows[k]];
  return { part, matches: prepareMatches(analysis.name, matchFactsOf(analysis.matching, m.caliper), { ...m, recordIds }) };
}

// Where an analysis's tail is, one Int32 per analysis in shared memory: each change is one compare-and-exchange, so
// exactly one thread computes each tail.
/** Not offered: the thread that matched the analysis computes it. */
export const TAIL_KEPT = 0;
export const TAIL_OFFERED = 1;
/** Taken by the other thread. */
export const TAIL_TAKEN = 2;
/** Taken back by the thread that offered it. */
export const TAIL_TAKEN_BACK = 3;

/** Marks analysis a's tail as offered (before its matched rows are posted). */
export function offerTail(claims: Int32Array, a: number): void {
  Atomics.store(claims, a, TAIL_OFFERED);
}

/** The other thread's claim: true when it is to compute the tail. */
export function takeTail(claims: Int32Array, a: number): boolean {
  return Atomics.compareExchange(claims, a, TAIL_OFFERED, TAIL_TAKEN) === TAIL_OFFERED;
}

/** The offering thread's claim once its balance table is done: true when it is to compute the tail itself. */
export function keepTail(claims: Int32Array, a: number): boolean {
  return Atomics.compareExchange(claims, a, TAIL_OFFERED, TAIL_TAKEN_BACK) !== TAIL_TAKEN;
}
