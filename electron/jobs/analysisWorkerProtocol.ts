// What the analysis job's thread and its second analysis thread (analysisWorkerMain.ts) share.
// The cohort is posted once the job's thread has loaded it, its arrays in shared memory.
// The job's thread is busy in synchronous numeric work while the second thread runs, so it cannot
// read messages then: the queue of analyses, where the second thread is, and the cancel are shared
// memory, read with Atomics whenever the job's thread reports its own progress.
import type { ApiErrorBody } from '../../shared/api';
import type { CohortData } from '../../shared/results/buildRunResults';
import type { Spec } from '../../shared/engine/analysisSpec';
import type { BuiltAnalysis, MatchedRows, RunStep } from '../../shared/results/buildRunResults';
import type { PreparedMatches } from '../exports/matchesCsv';
import type { TailPiece, TailPieceResult } from './analysisTail';
import type { EncodedRecords } from '../../db/runs/runStore';
import type { StoreKey } from '../../db/storeKey';
import type { CohortTable } from '../../shared/engine/prepareAnalysis';

export interface AnalysisWorkerData {
  spec: Spec;
  /** The job's store and its key: this thread reads the cohort's record ids itself (PostedCohort). */
  store: { path: string; key: StoreKey };
  /** Format the matches file of each analysis built (analysisThreads.ts). */
  matchesFiles: boolean;
  /** Int32 [0]: the next analysis to build; each thread takes one with Atomics.add, so each is built once. */
  next: SharedArrayBuffer;
  /** Int32 per analysis: where the second thread is in it (encodePosition), NOT_STARTED until it takes it. */
  positions: SharedArrayBuffer;
  /** Int32 [0]: set to 1 by the job's thread to cancel. */
  cancel: SharedArrayBuffer;
  /** Int32 per piece of each analysis's tail: where it is (analysisTail.ts tailSlot). */
  tails: SharedArrayBuffer;
}

/**
 * The cohort as the job's thread loaded it, its arrays in shared memory (sharedCohort.ts), without its record ids: the
 * second thread reads those from the store while the job's thread reads the rest. Posted, a million ids cost about
 * 0.1 s to serialise on the job's thread and 0.35 s to deserialise on the second, which waited for them.
 */
export type PostedCohort = Omit<CohortData, 'table'> & { table: Omit<CohortTable, 'recordIds'> };

export type ToAnalysisWorker =
  | { type: 'cohort'; cohort: PostedCohort }
  /** Analysis `index`'s tail, offered once the job's thread matched it; read after the second thread's own analyses. */
  | { type: 'tail'; index: number; matched: MatchedRows };

/**
 * A built analysis as posted: its records without their record ids, which the job's thread takes from the cohort it
 * already holds, by `rows` (the cohort table's row of each record). Posted as strings, a million ids cost about
 * 0.1 s to serialise here and 0.2-0.5 s to deserialise there.
 */
export interface PostedAnalysis {
  core: BuiltAnalysis['core'];
  records: Omit<BuiltAnalysis['records'], 'recordIds'>;
  rows: Int32Array;
  /** Its records encoded for the save, their bytes transferred. */
  encoded: EncodedRecords;
}

export type FromAnalysisWorker =
  /** `matches`: its matches file when asked for, its bytes transferred. */
  | { type: 'built'; index: number; built: PostedAnalysis; matches: PreparedMatches | null }
  /** `index` -1: the thread failed before taking an analysis. */
  | { type: 'failed'; index: number; error: ApiErrorBody }
  | { type: 'finished' }
  /** A piece of an offered tail this thread took, a matches file's bytes transferred. */
  | { type: 'tail'; index: number; result: TailPieceResult }
  | { type: 'tailFailed'; index: number; piece: TailPiece; error: ApiErrorBody };

/** An analysis's steps in the order the engine runs them (shared/results/buildRunResults.ts). */
export const RUN_STEPS: readonly RunStep[] = ['preparing', 'order', 'design', 'fit', 'match', 'balance', 'outcomes'];

export type AnalysisPosition = { step: RunStep; fraction: number } | 'done';

export const NOT_STARTED = -1;
// A step's fraction in millionths: the bar has a thousand steps.
const STEP_SCALE = 1_000_000;
const DONE = RUN_STEPS.length * STEP_SCALE;

export function encodePosition(at: AnalysisPosition): number {
  if (at === 'done') return DONE;
  const f = Number.isFinite(at.fraction) ? Math.min(1, Math.max(0, at.fraction)) : 0;
  return RUN_STEPS.indexOf(at.step) * STEP_SCALE + Math.round(f * (STEP_SCALE - 1));
}

export function decodePosition(code: number): AnalysisPosition | null {
  if (code === NOT_STARTED) return null;
  if (code >= DONE) return 'done';
  return { step: RUN_STEPS[Math.floor(code / STEP_SCALE)], fraction: (code % STEP_SCALE) / (STEP_SCALE - 1) };
}
