// Starts a job in a worker thread and relays its progress; the main thread never runs the work.
import { Worker } from 'node:worker_threads';
import type { ApiErrorBody, JobInfo, JobKind } from '../../shared/api';
import type { FromWorker, JobWorkerData, PreparedRunFiles } from './jobProtocol';
import type { StoreKey } from '../../db/storeKey';

const WORKER_URL = new URL('./jobWorker.mjs', import.meta.url);
// A cancelled job gets this long to roll back by itself before its thread is terminated (an
// unfinished transaction is then simply never committed): every job reports progress, and so
// meets a cancel point, several times a second.
const CANCEL_GRACE_MS = 1_000;

export interface RunningJob {
  info: JobInfo;
  cancel(): void;
  /** Settles when the worker has exited; resolves with the job's result, rejects with its error body. */
  finished: Promise<unknown>;
}

let nextJobNumber = 1;

export function startJob(
  kind: JobKind,
  store: { path: string; key: StoreKey },
  payload: unknown,
  onUpdate: (info: JobInfo) => void,
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
  };
  const cancelFlag = new SharedArrayBuffer(4);
  const data: JobWorkerData = { kind, storePath: store.path, storeKey: store.key, payload, cancelFlag };
  const worker = new Worker(WORKER_URL, { workerData: data });
  let cancelRequested = false;
  let killTimer: NodeJS.Timeout | undefined;

  const finished = new Promise<unknown>((resolve, reject) => {
    let outcome: { ok: true; result: unknown } | { ok: false; error: ApiErrorBody } | undefined;
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'progress') {
        Object.assign(info, { phase: msg.phase, done: msg.done, total: msg.total });
        onUpdate({ ...info });
      } else if (msg.type === 'prepared') {
        onPrepared(msg.files);
      } else if (msg.type === 'done') {
        outcome = { ok: true, result: msg.result };
      } else {
        outcome = { ok: false, error: msg.error };
      }
    });
    worker.on('error', (err) => {
      outcome = { ok: false, error: { code: 'worker_crashed', message: `The job stopped unexpectedly: ${err.message}` } };
    });
    worker.on('exit', () => {
      clearTimeout(killTimer);
      if (!outcome) {
        outcome = cancelRequested
          ? { ok: false, error: { code: 'cancelled', message: 'The job was cancelled; the store is unchanged' } }
          : { ok: false, error: { code: 'worker_crashed', message: 'The job stopped without a result' } };
      }
      if (outcome.ok) {
        info.status = 'done';
        // The worker ran this kind's handler, whose type says what it returns (jobHandlers.ts).
        Object.assign(info, { result: outcome.result });
        info.done = info.total;
        onUpdate({ ...info });
        resolve(outcome.result);
      } else {
        info.status = outcome.error.code === 'cancelled' ? 'cancelled' : 'failed';
        info.error = outcome.error;
        onUpdate({ ...info });
        reject(outcome.error);
      }
    });
  });
  // The service reports failures through events; nobody has to await a job.
  finished.catch(() => undefined);

  return {
    info,
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
