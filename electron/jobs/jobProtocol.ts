// Messages between the service and a job's worker thread.
import type { ApiErrorBody, JobKind } from '../../shared/api';
import type { StoreKey } from '../../db/storeKey';
import type { PreparedMatches } from '../exports/matchesCsv';

/** Matches files an analysis job formatted for its stored run (electron/service/preparedMatches.ts). */
export interface PreparedRunFiles {
  runId: string;
  matches: PreparedMatches[];
}

export interface JobWorkerData {
  kind: JobKind;
  storePath: string;
  /** The store's derived key (db/storeKey.ts), so that the job's connection skips the key derivation. */
  storeKey: StoreKey;
  payload: unknown;
  /**
   * Set to 1 by the service to cancel: read by the job at each progress report, so that a job busy
   * in synchronous work (a numeric loop, a long SQLite statement's neighbours) sees the cancel
   * without waiting for its event loop to deliver the 'cancel' message.
   */
  cancelFlag: SharedArrayBuffer;
}

/** 'start': the job of a thread started ahead of it (jobRunner.ts prewarmJobThread). */
export type ToWorker = { type: 'cancel' } | { type: 'start'; data: JobWorkerData };

export type FromWorker =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'prepared'; files: PreparedRunFiles }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: ApiErrorBody };

/**
 * What a job's code gets: its own store connection, its payload, a way to report, a cancel signal.
 * `progress` is also a cancel point: it throws JobCancelled once the job has been asked to stop.
 */
export interface JobContext<P> {
  db: import('../../db/store').Db;
  payload: P;
  progress(phase: string, done: number, total: number): void;
  /** Hands the service files made for the job's result, to be written when asked (their bytes transferred, not copied). */
  prepared?(files: PreparedRunFiles): void;
  signal: AbortSignal;
}

export class JobCancelled extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('The job was cancelled; the store is unchanged');
  }
}

/** Throws JobCancelled once the job has been asked to stop; call it between units of work. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelled();
}
