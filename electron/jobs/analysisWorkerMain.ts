// The analysis job's second thread: takes the cohort the job's thread loaded (its arrays in shared
// memory), then builds analyses from the shared queue until it is empty, posting each as it is built.
// After that it takes the tails the job's thread offers (analysisTail.ts) until the job ends it.
import { parentPort, workerData } from 'node:worker_threads';
import { analysisEngineStage, assembleAnalysis, type CohortData, type MatchedRows } from '../../shared/results/buildRunResults';
import { toErrorBody } from '../service/apiError';
import { JobCancelled } from './jobProtocol';
import { analysisError } from './analysisError';
import { analysisTail, encodedTransfers, tailPiece, tailPieceTransfers, tailPieces, tailSlot, takeTail } from './analysisTail';
import { encodePosition, type AnalysisWorkerData, type FromAnalysisWorker, type PostedAnalysis, type ToAnalysisWorker } from './analysisWorkerProtocol';

const data = workerData as AnalysisWorkerData;
const port = parentPort!;
const next = new Int32Array(data.next);
const positions = new Int32Array(data.positions);
const cancel = new Int32Array(data.cancel);
const tails = new Int32Array(data.tails);
const send = (msg: FromAnalysisWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);
const n = data.spec.analyses.length;
let cohort: CohortData | null = null;

function throwIfCancelled(): void {
  if (Atomics.load(cancel, 0) === 1) throw new JobCancelled();
}

function run(): void {
  let index = -1;
  try {
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
  if (msg.type === 'cohort') {
    cohort = msg.cohort;
    run();
  } else takeOffered(msg.index, msg.matched);
});
