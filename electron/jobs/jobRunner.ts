// Starts a job in a worker thread and relays its progress; the main thread never runs the work.
import { Worker } from 'node:worker_threads';
import type { ApiErrorBody, JobInfo, JobKind } from '../../shared/api';
import type { FromWorker, JobWorkerData, PreparedRunFiles, ToWorker } from './jobProtocol';
import type { StoreKey } from '../../db/storeKey';

const WORKER_URL = new URL('./jobWorker.mjs', import.meta.url);
// A cancelled job gets this long to roll back by itself before its thread is terminated (an
// unfinished transaction is then simply never committed): every job reports progress, and so
// meets a cancel point, several times a second.
const CANCEL_GRACE_MS = 1_000;

export interface RunningJob {
  info: JobInfo;
  /** The id of the job's thread. */
  threadId: number;
  cancel(): void;
  /**
   * Settles when the worker has exited (after the job's status changed: see startJob); resolves with the job's result,
   * rejects with its error body.
   */
  finished: Promise<unknown>;
}

let nextJobNumber = 1;

/**
 * A job thread started before its job is known, so that its modules load (about 0.2 s) while the main thread does
 * something else, such as deriving the store's key; the next job runs in it. Unreferenced until then, so that it
 * never keeps the process alive.
 */
let warm: Worker | null = null;

/** Returns the waiting thread's id. */
export function prewarmJobThread(): number {
  if (warm) return warm.threadId;
  const w = new Worker(WORKER_URL, { workerData: null });
  w.unref();
  // A thread that failed or ended while waiting is not used: the next job starts its own.
  const drop = () => {
    if (warm === w) warm = null;
  };
  w.once('error', drop);
  w.once('exit', drop);
  warm = w;
  return w.threadId;
}

/** Ends the thread started ahead of a job, if no job took it. */
export async function endWarmJobThread(): Promise<void> {
  const w = warm;
  warm = null;
  if (w) await w.terminate();
}

/** The waiting thread with the job given to it, or a new thread started with it. */
function jobThread(data: JobWorkerData): Worker {
  const w = warm;
  if (!w) return new Worker(WORKER_URL, { workerData: data });
  warm = null;
  w.ref();
  w.postMessage({ type: 'start', data } satisfies ToWorker);
  return w;
}

export function startJob(
  kind: JobKind,
  store: { path: string; key: StoreKey },
  payload: unknown,
  onUpdate: (info: JobInfo) => void,
  runId?: string,
  onPrepared: (files: PreparedRunFiles) => void = () => undefined,
): RunningJob {
  const info: JobInfo = {
    id: `job-${nextJobNumber++}`,
    kind,
    status: 'running',
    phase: 'starting',
    done: 0,
    total: 0,
    startedAt: new Date().toISOString(),
    ...(runId === undefined ? {} : { runId }),
  };
  const cancelFlag = new SharedArrayBuffer(4);
  const data: JobWorkerData = { kind, storePath: store.path, storeKey: store.key, payload, cancelFlag };
  const worker = jobThread(data);
  let cancelRequested = false;
  let killTimer: NodeJS.Timeout | undefined;

  let outcome: { ok: true; result: unknown } | { ok: false; error: ApiErrorBody } | undefined;
  let reported = false;
  // The job's status changes once: at its 'done' message (the thread then only folds the job's writes into the store
  // file, jobWorkerMain.ts checkpointAfterJob), or when its thread exits without one.
  const report = (): void => {
    if (reported || !outcome) return;
    reported = true;
    if (outcome.ok) {
      info.status = 'done';
      // The worker ran this kind's handler, whose type says what it returns (jobHandlers.ts).
      Object.assign(info, { result: outcome.result });
      info.done = info.total;
    } else {
      info.status = outcome.error.code === 'cancelled' ? 'cancelled' : 'failed';
      info.error = outcome.error;
    }
    onUpdate({ ...info });
  };

  const finished = new Promise<unknown>((resolve, reject) => {
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'progress') {
        Object.assign(info, { phase: msg.phase, done: msg.done, total: msg.total });
        onUpdate({ ...info });
      } else if (msg.type === 'prepared') {
        onPrepared(msg.files);
      } else if (msg.type === 'done') {
        outcome = { ok: true, result: msg.result };
        report();
      } else {
        outcome = { ok: false, error: msg.error };
      }
    });
    worker.on('error', (err) => {
      outcome ??= { ok: false, error: { code: 'worker_crashed', message: `The job stopped unexpectedly: ${err.message}` } };
    });
    worker.on('exit', () => {
      clearTimeout(killTimer);
      outcome ??= cancelRequested
        ? { ok: false, error: { code: 'cancelled', message: 'The job was cancelled; the store is unchanged' } }
        : { ok: false, error: { code: 'worker_crashed', message: 'The job stopped without a result' } };
      report();
      if (outcome.ok) resolve(outcome.result);
      else reject(outcome.error);
    });
  });
  // The service reports failures through events; nobody has to await a job.
  finished.catch(() => undefined);

  return {
    info,
    threadId: worker.threadId,
    finished,
    cancel() {
      if (cancelRequested) return;
      cancelRequested = true;
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      worker.postMessage({ type: 'cancel' });
      killTimer = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
    },
  };
}
