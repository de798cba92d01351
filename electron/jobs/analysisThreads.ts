// A spec's analyses on the machine's cores: each analysis has its own pool, covariates and score,
// so they are independent. The job's thread and one second thread (analysisWorkerMain.ts) take
// analyses from a shared queue in spec order; the results are put back in spec order, so the run is
// the same whichever thread built what (and the same as on one thread: a test compares them).
// Asked to, each thread also formats the matches file of each analysis it built (the command line writes every
// one once the run is stored): the second thread does it in the time it would otherwise wait for the first.
import { Worker } from 'node:worker_threads';
import type { Spec } from '../../shared/engine/analysisSpec';
import { buildAnalysis, type BuiltAnalysis, type CohortData } from '../../shared/results/buildRunResults';
import { ApiError } from '../service/apiError';
import { JobCancelled } from './jobProtocol';
import { analysisError } from './analysisError';
import { NOT_STARTED, decodePosition, type AnalysisPosition, type AnalysisWorkerData, type FromAnalysisWorker, type ToAnalysisWorker } from './analysisWorkerProtocol';
import { shareCohort } from './sharedCohort';
import { prepareMatches, type PreparedMatches } from '../exports/matchesCsv';

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
}

export interface AnalysisThreadOptions {
  /** 1 builds every analysis on the job's thread (the reference the default is tested against). */
  threads?: 1 | 2;
  /** Also format each analysis's matches file (electron/exports/matchesCsv.ts) where it was built. */
  matchesFiles?: boolean;
}

export interface AnalysisThreads {
  /** Builds every analysis of the spec on `data`; rejects with the first analysis's error in spec order. */
  build(data: CohortData, onPosition: OnPosition): Promise<BuiltAnalyses>;
  /** Ends the second thread (harmless once it has finished). */
  stop(): Promise<void>;
}

/**
 * Starts the second thread before this one loads the cohort, so that its start overlaps the load;
 * a spec of one analysis has no second thread.
 */
export function startAnalysisThreads(spec: Spec, signal: AbortSignal, { threads = 2, matchesFiles = false }: AnalysisThreadOptions = {}): AnalysisThreads {
  const n = spec.analyses.length;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const positions = new Int32Array(new SharedArrayBuffer(4 * n)).fill(NOT_STARTED);
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const built: (BuiltAnalysis | undefined)[] = Array.from({ length: n }, () => undefined);
  const matches: (PreparedMatches | undefined)[] = Array.from({ length: n }, () => undefined);
  const failed = new Map<number, unknown>();
  let worker: Worker | null = null;
  let helperEnded: Promise<void> = Promise.resolve();

  if (threads === 2 && n > 1) {
    const data: AnalysisWorkerData = { spec, matchesFiles, next: next.buffer as SharedArrayBuffer, positions: positions.buffer as SharedArrayBuffer, cancel: cancel.buffer as SharedArrayBuffer };
    const w = new Worker(WORKER_URL, { workerData: data });
    worker = w;
    helperEnded = new Promise<void>((resolve) => {
      let over = false;
      const end = (err?: unknown) => {
        if (over) return;
        over = true;
        if (err !== undefined) failed.set(-1, err);
        resolve();
      };
      w.on('message', (msg: FromAnalysisWorker) => {
        if (msg.type === 'built') {
          built[msg.index] = msg.built;
          matches[msg.index] = msg.matches ?? undefined;
        }
        else if (msg.type === 'failed') {
          failed.set(msg.index, msg.error.code === 'cancelled' ? new JobCancelled() : new ApiError(msg.error.code, msg.error.message, msg.error.details));
          end();
        } else end();
      });
      w.on('error', (err) => end(new ApiError('worker_crashed', `The second analysis thread stopped unexpectedly: ${err.message}`)));
      w.on('exit', () => end(new ApiError('worker_crashed', 'The second analysis thread stopped without its analyses')));
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

  return {
    async build(loaded, onPosition) {
      let data = loaded;
      if (worker) {
        // One copy of the cohort for both threads: this thread reads the shared one too.
        data = shareCohort(loaded);
        worker.postMessage({ type: 'cohort', cohort: data } satisfies ToAnalysisWorker);
      }
      for (let a = Atomics.add(next, 0, 1); a < n; a = Atomics.add(next, 0, 1)) {
        try {
          const analysis = buildAnalysis(data, spec, a, (index, step, fraction) => {
            onPosition(index, { step, fraction });
            if (worker) reportHelper(onPosition);
          });
          built[a] = analysis;
          if (matchesFiles) matches[a] = prepareMatches(analysis.core, analysis.records);
          onPosition(a, 'done');
        } catch (err) {
          if (err instanceof JobCancelled) throw err;
          failed.set(a, analysisError(err));
          // No new analysis is started; the second thread's current one decides whether its error comes first.
          Atomics.store(next, 0, n);
          break;
        }
      }
      if (worker) {
        const poll = new Promise<never>((_, reject) => {
          const timer = setInterval(() => {
            try {
              reportHelper(onPosition);
            } catch (err) {
              clearInterval(timer);
              reject(err);
            }
          }, POLL_MS);
          void helperEnded.then(() => clearInterval(timer));
        });
        await Promise.race([helperEnded, poll]);
        reportHelper(onPosition);
      }
      // As on one thread: the first failing analysis in spec order says what went wrong.
      const firstFailed = Math.min(...[...failed.keys()].filter((k) => k >= 0));
      if (Number.isFinite(firstFailed)) throw failed.get(firstFailed);
      // A second thread that failed before taking an analysis left them all to this one.
      if (built.some((b) => !b)) throw failed.get(-1) ?? new Error('an analysis was not built');
      return { analyses: built as BuiltAnalysis[], matches: matchesFiles ? (matches as PreparedMatches[]) : [] };
    },
    async stop() {
      signal.removeEventListener('abort', onAbort);
      if (worker) await worker.terminate();
    },
  };
}
