// The analysis job's second thread: reads the cohort's record ids from the store while the job's thread reads the
// rest of the cohort, takes that (its arrays in shared memory), then builds analyses from the shared queue until it
// is empty, posting each as it is built. After that it takes the tails the job's thread offers (analysisTail.ts)
// until the job ends it.
import { parentPort, workerData } from 'node:worker_threads';
import { analysisEngineStage, assembleAnalysis, type CohortData, type MatchedRows } from '../../shared/results/buildRunResults';
import { toErrorBody } from '../service/apiError';
import { JobCancelled } from './jobProtocol';
import { analysisError } from './analysisError';
import { analysisTail, encodedTransfers, tailPiece, tailPieceTransfers, tailPieces, tailSlot, takeTail } from './analysisTail';
import { encodePosition, type AnalysisWorkerData, type FromAnalysisWorker, type PostedAnalysis, type PostedCohort, type ToAnalysisWorker } from './analysisWorkerProtocol';
import { openStore } from '../../db/store';
import { loadRecordIds } from '../../db/runs/analysisData';

const data = workerData as AnalysisWorkerData;
const port = parentPort!;
const next = new Int32Array(data.next);
const positions = new Int32Array(data.positions);
const cancel = new Int32Array(data.cancel);
const tails = new Int32Array(data.tails);
const send = (msg: FromAnalysisWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);
const n = data.spec.analyses.length;
let cohort: CohortData | null = null;

/** The record ids, read on a connection of this thread's own (the job's connection belongs to the job's thread). */
function readRecordIds(): string[] {
  const db = openStore(data.store.path, data.store.key, { mode: 'open' });
  try {
    return loadRecordIds(db);
  } finally {
    db.close();
  }
}

// Read as soon as this thread has loaded, before any message is: the cohort, posted once the job's thread has read
// the rest, waits for them. A failure is reported once the cohort comes (the job's thread reading the same store
// usually fails first, with the reason).
const ids = ((): { recordIds: string[] } | { failure: unknown } => {
  try {
    return { recordIds: readRecordIds() };
  } catch (failure) {
    return { failure };
  }
})();

/** The posted cohort with the ids read here; throws when they could not be read or are not its rows (the store changed in between). */
function withRecordIds(posted: PostedCohort): CohortData {
  if ('failure' in ids) throw ids.failure;
  const { recordIds } = ids;
  if (recordIds.length !== posted.treated.length) {
    throw new Error(`The cohort changed while the analysis read it (${recordIds.length} record ids for ${posted.treated.length} records): run the analysis again`);
  }
  return { ...posted, table: { ...posted.table, recordIds } };
}

function throwIfCancelled(): void {
  if (Atomics.load(cancel, 0) === 1) throw new JobCancelled();
}

function run(posted: PostedCohort): void {
  let index = -1;
  try {
    cohort = withRecordIds(posted);
    for (index = Atomics.add(next, 0, 1); index < n; index = Atomics.add(next, 0, 1)) {
      const stage = analysisEngineStage(cohort!, data.spec, index, (a, step, fraction) => {
        throwIfCancelled();
        Atomics.store(positions, a, encodePosition({ step, fraction }));
      });
      Atomics.store(positions, index, encodePosition({ step: 'outcomes', fraction: 0 }));
      const tail = analysisTail(cohort!, data.spec, index, stage.matched, data.matchesFiles);
      const { core, records } = assembleAnalysis(data.spec, index, stage, tail.part);
      const { recordIds: _ids, ...withoutIds } = records;
      Atomics.store(positions, index, encodePosition('done'));
      const built: PostedAnalysis = { core, records: withoutIds, rows: stage.matched.rows, encoded: tail.encoded };
      send({ type: 'built', index, built, matches: tail.matches }, [...encodedTransfers(tail.encoded), ...(tail.matches ? [tail.matches.bytes.buffer as ArrayBuffer] : [])]);
    }
    send({ type: 'finished' });
  } catch (err) {
    // As on one thread, no analysis starts after one has failed.
    Atomics.store(next, 0, n);
    send({ type: 'failed', index: index < n ? index : -1, error: toErrorBody(analysisError(err)) });
  }
}

/** The pieces of an offered tail that the job's thread has not taken back meanwhile, in the reverse of its order. */
function takeOffered(index: number, matched: MatchedRows): void {
  if (cohort === null) return;
  for (const piece of tailPieces(data.matchesFiles).reverse()) {
    if (!takeTail(tails, tailSlot(index, piece))) continue;
    try {
      throwIfCancelled();
      const result = tailPiece(cohort, data.spec, index, matched, piece);
      send({ type: 'tail', index, result }, tailPieceTransfers(result));
    } catch (err) {
      send({ type: 'tailFailed', index, piece, error: toErrorBody(analysisError(err)) });
      return;
    }
  }
}

// Messages are read only between analyses: an offer that comes while this thread builds one waits for it.
port.on('message', (msg: ToAnalysisWorker) => {
  if (msg.type === 'cohort') run(msg.cohort);
  else takeOffered(msg.index, msg.matched);
});
