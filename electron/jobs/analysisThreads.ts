// A spec's analyses on the machine's cores: each analysis has its own pool, covariates and score,
// so they are independent. The job's thread and one second thread (analysisWorkerMain.ts) take
// analyses from a shared queue in spec order; the results are put back in spec order, so the run is
// the same whichever thread built what (and the same as on one thread: a test compares them).
// The job's thread offers each of its analyses' tails (outcomes, the records encoded for the save and, asked to, the
// matches file the command line writes once the run is stored: analysisTail.ts) to the second thread, which takes
// their pieces once its own analyses are built, in the time it would otherwise wait for the first.
import { Worker } from 'node:worker_threads';
import type { Spec } from '../../shared/engine/analysisSpec';
import { recordIdsAt } from '../../shared/engine/prepareAnalysis';
import { analysisEngineStage, assembleAnalysis, type BuiltAnalysis, type CohortData, type EngineStage, type MatchedRows } from '../../shared/results/buildRunResults';
import type { ApiErrorBody } from '../../shared/api';
import { ApiError } from '../service/apiError';
import { JobCancelled } from './jobProtocol';
import { analysisError } from './analysisError';
import { NOT_STARTED, decodePosition, type AnalysisPosition, type AnalysisWorkerData, type FromAnalysisWorker, type ToAnalysisWorker } from './analysisWorkerProtocol';
import { shareCohort } from './sharedCohort';
import type { PreparedMatches } from '../exports/matchesCsv';
import type { EncodedRecords } from '../../db/runs/runStore';
import { TAIL_PIECE_NAMES, keepTail, offerTail, tailOfPieces, tailPiece, tailPieces, tailSlot, tailSlots, type TailPiece, type TailPieceResult } from './analysisTail';

const WORKER_URL = new URL('./analysisWorker.mjs', import.meta.url);
// How often the job's thread looks at the second thread's progress once its own analyses are built.
const POLL_MS = 100;

/** Where analysis `a` is; throws (JobCancelled) to stop the analyses. */
export type OnPosition = (a: number, at: AnalysisPosition) => void;

export interface BuiltAnalyses {
  /** In spec order. */
  analyses: BuiltAnalysis[];
  /** Each analysis's matches file, in spec order, when asked for (AnalysisThreadOptions.matchesFiles); else empty. */
  matches: PreparedMatches[];
  /** Each analysis's records encoded for the save (db/runs/runStore.ts saveRun), in spec order. */
  encoded: EncodedRecords[];
  /** The tail pieces the second thread computed for the job's thread, as `${analysis} ${piece}` (for tests and diagnostics). */
  tailPiecesTaken: string[];
}

export interface AnalysisThreadOptions {
  /** 1 builds every analysis on the job's thread (the reference the default is tested against). */
  threads?: 1 | 2;
  /** Also format each analysis's matches file (electron/exports/matchesCsv.ts) where it was built. */
  matchesFiles?: boolean;
  /** The second thread's entry: analysisWorker.mjs, unless a test starts one that fails on purpose. */
  workerUrl?: URL;
}

export interface AnalysisThreads {
  /** Builds every analysis of the spec on `data`; rejects with the first analysis's error in spec order. */
  build(data: CohortData, onPosition: OnPosition): Promise<BuiltAnalyses>;
  /** Ends the second thread (harmless once it has finished). */
  stop(): Promise<void>;
}

/**
 * Starts the second thread before this one loads the cohort, so that its start overlaps the load (it reads the
 * cohort's record ids from `store` meanwhile); a spec of one analysis has no second thread.
 */
export function startAnalysisThreads(spec: Spec, signal: AbortSignal, store: AnalysisWorkerData['store'], { threads = 2, matchesFiles = false, workerUrl = WORKER_URL }: AnalysisThreadOptions = {}): AnalysisThreads {
  const n = spec.analyses.length;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const positions = new Int32Array(new SharedArrayBuffer(4 * n)).fill(NOT_STARTED);
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const tails = new Int32Array(new SharedArrayBuffer(4 * tailSlots(n)));
  const built: (BuiltAnalysis | undefined)[] = Array.from({ length: n }, () => undefined);
  const matches: (PreparedMatches | undefined)[] = Array.from({ length: n }, () => undefined);
  const encoded: (EncodedRecords | undefined)[] = Array.from({ length: n }, () => undefined);
  const failed = new Map<number, unknown>();
  // The tail pieces offered to the second thread, by slot (tailSlot): settled by its message when it takes one (or by its end).
  const taken = new Map<number, { result: Promise<TailPieceResult>; settle: (piece: TailPieceResult | null, err?: unknown) => void }>();
  let worker: Worker | null = null;
  // The cohort's record ids, which the second thread's built analyses refer to by row: set before it gets the cohort.
  let cohortIds: readonly string[] = [];
  let helperEnded: Promise<void> = Promise.resolve();

  const fromBody = (error: ApiErrorBody) => (error.code === 'cancelled' ? new JobCancelled() : new ApiError(error.code, error.message, error.details));
  /** The tail piece in `slot` as the second thread computes it (its promise exists from the offer on). */
  function pieceOf(slot: number): Promise<TailPieceResult> {
    let entry = taken.get(slot);
    if (!entry) {
      let settle!: (piece: TailPieceResult | null, err?: unknown) => void;
      const result = new Promise<TailPieceResult>((resolve, reject) => {
        settle = (piece, err) => (piece ? resolve(piece) : reject(err));
      });
      // Awaited only when the second thread took the piece: one never taken must not end as an unhandled rejection.
      result.catch(() => undefined);
      entry = { result, settle };
      taken.set(slot, entry);
    }
    return entry.result;
  }

  if (threads === 2 && n > 1) {
    const data: AnalysisWorkerData = {
      spec,
      store,
      matchesFiles,
      next: next.buffer as SharedArrayBuffer,
      positions: positions.buffer as SharedArrayBuffer,
      cancel: cancel.buffer as SharedArrayBuffer,
      tails: tails.buffer as SharedArrayBuffer,
    };
    const w = new Worker(workerUrl, { workerData: data });
    worker = w;
    helperEnded = new Promise<void>((resolve) => {
      let over = false;
      const end = (err?: unknown) => {
        if (over) return;
        over = true;
        if (err !== undefined) failed.set(-1, err);
        resolve();
      };
      const gone = (err: ApiError) => {
        end(err);
        for (const entry of taken.values()) entry.settle(null, err);
      };
      w.on('message', (msg: FromAnalysisWorker) => {
        if (msg.type === 'built') {
          const { core, records, rows } = msg.built;
          built[msg.index] = { core, records: { ...records, recordIds: recordIdsAt(cohortIds, rows) } };
          encoded[msg.index] = msg.built.encoded;
          matches[msg.index] = msg.matches ?? undefined;
        } else if (msg.type === 'failed') {
          failed.set(msg.index, fromBody(msg.error));
          end();
        } else if (msg.type === 'finished') end();
        else if (msg.type === 'tail') taken.get(tailSlot(msg.index, msg.result.piece))?.settle(msg.result);
        else taken.get(tailSlot(msg.index, msg.piece))?.settle(null, fromBody(msg.error));
      });
      w.on('error', (err) => gone(new ApiError('worker_crashed', `The second analysis thread stopped unexpectedly: ${err.message}`)));
      w.on('exit', () => gone(new ApiError('worker_crashed', 'The second analysis thread stopped without its analyses')));
    });
  }
  const onAbort = () => Atomics.store(cancel, 0, 1);
  signal.addEventListener('abort', onAbort, { once: true });

  function reportHelper(onPosition: OnPosition): void {
    for (let a = 0; a < n; a++) {
      const at = decodePosition(Atomics.load(positions, a));
      if (at !== null) onPosition(a, at);
    }
  }

  /** Waits for `p`, reporting the second thread's progress meanwhile (each report is a cancel point). */
  async function reporting<T>(p: Promise<T>, onPosition: OnPosition): Promise<T> {
    let timer: ReturnType<typeof setInterval> | undefined;
    const poll = new Promise<never>((_, reject) => {
      timer = setInterval(() => {
        try {
          reportHelper(onPosition);
        } catch (err) {
          reject(err);
        }
      }, POLL_MS);
    });
    try {
      return await Promise.race([p, poll]);
    } finally {
      clearInterval(timer);
    }
  }

  function finish(a: number, stage: EngineStage, pieces: readonly TailPieceResult[], onPosition: OnPosition): void {
    const tail = tailOfPieces(pieces);
    built[a] = assembleAnalysis(spec, a, stage, tail.part);
    encoded[a] = tail.encoded;
    if (tail.matches) matches[a] = tail.matches;
    onPosition(a, 'done');
  }

  return {
    async build(loaded, onPosition) {
      let data = loaded;
      const w = worker;
      if (w) {
        // One copy of the cohort for both threads: this thread reads the shared one too.
        data = shareCohort(loaded);
        cohortIds = data.table.recordIds;
        const { recordIds: _read, ...table } = data.table;
        w.postMessage({ type: 'cohort', cohort: { ...data, table } } satisfies ToAnalysisWorker);
      }
      const pieces = tailPieces(matchesFiles);
      const offer = (a: number, matched: MatchedRows) => {
        for (const piece of pieces) {
          offerTail(tails, tailSlot(a, piece));
          pieceOf(tailSlot(a, piece));
        }
        w!.postMessage({ type: 'tail', index: a, matched } satisfies ToAnalysisWorker);
      };
      // This thread's analyses with a piece of their tail on the second thread.
      const waiting: { a: number; stage: EngineStage; kept: TailPieceResult[]; left: TailPiece[] }[] = [];
      for (let a = Atomics.add(next, 0, 1); a < n; a = Atomics.add(next, 0, 1)) {
        try {
          const stage = analysisEngineStage(
            data,
            spec,
            a,
            (index, step, fraction) => {
              onPosition(index, { step, fraction });
              if (w) reportHelper(onPosition);
            },
            w ? (matched) => offer(a, matched) : undefined,
          );
          onPosition(a, { step: 'outcomes', fraction: 0 });
          const kept: TailPieceResult[] = [];
          const left: TailPiece[] = [];
          for (const piece of pieces) {
            if (keepTail(tails, tailSlot(a, piece))) kept.push(tailPiece(data, spec, a, stage.matched, piece));
            else left.push(piece);
          }
          if (left.length === 0) finish(a, stage, kept, onPosition);
          else waiting.push({ a, stage, kept, left });
        } catch (err) {
          if (err instanceof JobCancelled) throw err;
          failed.set(a, analysisError(err));
          // No new analysis is started; the second thread's current one decides whether its error comes first.
          Atomics.store(next, 0, n);
          break;
        }
      }
      if (w) {
        await reporting(helperEnded, onPosition);
        reportHelper(onPosition);
      }
      for (const { a, stage, kept, left } of waiting) {
        try {
          for (const piece of left) kept.push(await reporting(pieceOf(tailSlot(a, piece)), onPosition));
          finish(a, stage, kept, onPosition);
        } catch (err) {
          if (err instanceof JobCancelled) throw err;
          failed.set(a, analysisError(err));
        }
      }
      // As on one thread: the first failing analysis in spec order says what went wrong.
      const firstFailed = Math.min(...[...failed.keys()].filter((k) => k >= 0));
      if (Number.isFinite(firstFailed)) throw failed.get(firstFailed);
      // A second thread that failed before taking an analysis left them all to this one.
      if (built.some((b) => !b)) throw failed.get(-1) ?? new Error('an analysis was not built');
      return { analyses: built as BuiltAnalysis[], matches: matchesFiles ? (matches as PreparedMatches[]) : [], encoded: encoded as EncodedRecords[], tailPiecesTaken: waiting.flatMap(({ a, left }) => left.map((piece) => `${a} ${TAIL_PIECE_NAMES[piece]}`)) };
    },
    async stop() {
      signal.removeEventListener('abort', onAbort);
      if (worker) await worker.terminate();
    },
  };
}
