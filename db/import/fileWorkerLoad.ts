// The main thread's side of reading a big file in a worker thread (fileWorkerMain).
import { Worker } from 'node:worker_threads';
import type { ColumnBatch } from './columnBatch';
import type { FileWorkerData, FromFileWorker, ToFileWorker } from './fileWorkerProtocol';

const WORKER_URL = new URL('./fileWorker.mjs', import.meta.url);

export type FileWorkerResult = Omit<Extract<FromFileWorker, { type: 'done' }>, 'type'>;

export interface FileWorkerLoad {
  /** Settles once every batch has been handed to onRows; rejects on a crash, an onRows error or a cancel. */
  finished: Promise<FileWorkerResult>;
  /** Ends the thread (after a failure elsewhere; harmless once finished). */
  stop(): Promise<void>;
}

export interface FileWorkerHandlers {
  /** Called on this thread for each batch of checked rows, in file order. */
  onRows(batch: ColumnBatch): void;
  /** `problems`: how many the worker has found so far. */
  onProgress(rows: number, bytesRead: number, problems: number): void;
  signal?: AbortSignal;
}

export function startFileWorker(data: FileWorkerData, handlers: FileWorkerHandlers): FileWorkerLoad {
  const worker = new Worker(WORKER_URL, { workerData: data });
  const written: ToFileWorker = { type: 'written' };
  const finished = new Promise<FileWorkerResult>((resolve, reject) => {
    const fail = (err: unknown) => {
      handlers.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      reject(err);
    };
    const onAbort = () => fail(handlers.signal!.reason);
    handlers.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: FromFileWorker) => {
      try {
        if (msg.type === 'rows') {
          handlers.onRows(msg.batch);
          worker.postMessage(written);
        } else if (msg.type === 'progress') handlers.onProgress(msg.rows, msg.bytesRead, msg.problems);
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
    worker.on('exit', (code) => fail(new Error(`the ${data.kind} reader stopped unexpectedly (exit code ${code})`)));
  });
  // Nobody may be awaiting yet (other files are read first): a failure is seen when they do.
  finished.catch(() => {});
  return {
    finished,
    stop: async () => {
      await worker.terminate();
    },
  };
}
