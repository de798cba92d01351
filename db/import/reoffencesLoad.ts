// The main thread's side of reading the reoffences file in a worker thread (reoffencesWorkerMain).
import { Worker } from 'node:worker_threads';
import type { ColumnBatch } from './columnBatch';
import type { FromReoffencesWorker, ReoffencesWorkerData } from './reoffencesProtocol';

const WORKER_URL = new URL('./reoffencesWorker.mjs', import.meta.url);

export type ReoffencesLoadResult = Omit<Extract<FromReoffencesWorker, { type: 'done' }>, 'type'>;

export interface ReoffencesLoad {
  /** Settles once every batch has been handed to onRows; rejects on a crash, an onRows error or a cancel. */
  finished: Promise<ReoffencesLoadResult>;
  /** Ends the thread (after a failure elsewhere; harmless once finished). */
  stop(): Promise<void>;
}

export interface ReoffencesLoadHandlers {
  /** Called on this thread for each batch of checked rows, in file order. */
  onRows(batch: ColumnBatch): void;
  onProgress(rows: number, bytesRead: number): void;
  signal?: AbortSignal;
}

export function startReoffencesLoad(data: ReoffencesWorkerData, handlers: ReoffencesLoadHandlers): ReoffencesLoad {
  const worker = new Worker(WORKER_URL, { workerData: data });
  const finished = new Promise<ReoffencesLoadResult>((resolve, reject) => {
    const fail = (err: unknown) => {
      handlers.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      reject(err);
    };
    const onAbort = () => fail(handlers.signal!.reason);
    handlers.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: FromReoffencesWorker) => {
      try {
        if (msg.type === 'rows') handlers.onRows(msg.batch);
        else if (msg.type === 'progress') handlers.onProgress(msg.rows, msg.bytesRead);
        else {
          handlers.signal?.removeEventListener('abort', onAbort);
          const { type: _, ...result } = msg;
          resolve(result);
        }
      } catch (err) {
        fail(err);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the reoffences reader stopped unexpectedly (exit code ${code})`)));
  });
  // Nobody may be awaiting yet (the cohort is read first): a failure is seen when they do.
  finished.catch(() => {});
  return {
    finished,
    stop: async () => {
      await worker.terminate();
    },
  };
}
