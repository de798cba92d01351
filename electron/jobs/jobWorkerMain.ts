// Runs one job in this worker thread against its own store connection, then exits. A thread started ahead of its job
// (jobRunner.ts prewarmJobThread) has no workerData: it loads its modules, then waits for its job in a 'start' message.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore, type Db } from '../../db/store';
import { toErrorBody } from '../service/apiError';
import { JobCancelled, type FromWorker, type JobContext, type JobWorkerData, type ToWorker } from './jobProtocol';
import { JOB_HANDLERS } from './jobHandlers';

const port = parentPort!;
const send = (msg: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

/**
 * Copies the job's committed pages from the write-ahead log into the store file, after the job has reported its
 * result: a run of 1M records is about 37 MB of pages, each decrypted from the log and encrypted again into the file
 * (0.5 s), which would otherwise delay the result (in the commit) or the main thread (whose connection, closed last,
 * would do it). The service waits for this thread to end before it closes the store or changes its key (service.ts).
 * A checkpoint that cannot finish loses nothing: the pages stay in the log, committed, for the next one.
 */
function checkpointAfterJob(db: Db): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Only a lock or a full disk stops it; the result was already reported and stands.
  }
}

function start(data: JobWorkerData): void {
  const controller = new AbortController();
  const cancelFlag = new Int32Array(data.cancelFlag);
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'cancel') controller.abort();
  });
  // Listening for a cancel must not keep the thread alive once the job is over.
  port.unref();

  // Progress is throttled so that a tight loop reporting every row does not flood the channel.
  let lastSent = 0;
  function progress(phase: string, done: number, total: number): void {
    if (Atomics.load(cancelFlag, 0) === 1) controller.abort();
    if (controller.signal.aborted) throw new JobCancelled();
    const now = Date.now();
    if (now - lastSent < 100 && done < total) return;
    lastSent = now;
    send({ type: 'progress', phase, done, total });
  }

  async function run(): Promise<void> {
    const db = openStore(data.storePath, data.storeKey, { mode: 'open' });
    // A job's commit does not copy its pages from the write-ahead log into the store file (SQLite's automatic
    // checkpoint, which a commit past 1,000 pages runs before it returns): this thread does it once the result is
    // out (checkpointAfterJob), while the service already uses the result.
    db.pragma('wal_autocheckpoint = 0');
    try {
      const ctx: JobContext<unknown> = {
        db,
        payload: data.payload,
        progress,
        prepared: (files) => send({ type: 'prepared', files }, files.matches.map((m) => m.bytes.buffer as ArrayBuffer)),
        signal: controller.signal,
      };
      const result = await JOB_HANDLERS[data.kind](ctx);
      send({ type: 'done', result });
      checkpointAfterJob(db);
    } finally {
      db.close();
    }
  }

  // Whatever a cancelled job throws on its way out (an AbortError, a rolled-back transaction's
  // error), it ends as cancelled: its work was rolled back.
  run().catch((err: unknown) => send({ type: 'failed', error: controller.signal.aborted ? toErrorBody(new JobCancelled()) : toErrorBody(err) }));
}

const given = workerData as JobWorkerData | null;
if (given) start(given);
else {
  port.once('message', (msg: ToWorker) => {
    if (msg.type === 'start') start(msg.data);
  });
}
