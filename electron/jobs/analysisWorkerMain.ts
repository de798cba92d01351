// The analysis job's second thread: takes the cohort the job's thread loaded (its arrays in shared
// memory), then builds analyses from the shared queue until it is empty, posting each as it is built.
import { parentPort, workerData } from 'node:worker_threads';
import { buildAnalysis } from '../../shared/results/buildRunResults';
import { toErrorBody } from '../service/apiError';
import { JobCancelled } from './jobProtocol';
import { analysisError } from './analysisError';
import { prepareMatches } from '../exports/matchesCsv';
import { encodePosition, type AnalysisWorkerData, type FromAnalysisWorker, type ToAnalysisWorker } from './analysisWorkerProtocol';

const data = workerData as AnalysisWorkerData;
const port = parentPort!;
const next = new Int32Array(data.next);
const positions = new Int32Array(data.positions);
const cancel = new Int32Array(data.cancel);
const send = (msg: FromAnalysisWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);
const n = data.spec.analyses.length;

function run(msg: ToAnalysisWorker): void {
  let index = -1;
  try {
    const { cohort } = msg;
    for (index = Atomics.add(next, 0, 1); index < n; index = Atomics.add(next, 0, 1)) {
      const built = buildAnalysis(cohort, data.spec, index, (a, step, fraction) => {
        if (Atomics.load(cancel, 0) === 1) throw new JobCancelled();
        Atomics.store(positions, a, encodePosition({ step, fraction }));
      });
      const matches = data.matchesFiles ? prepareMatches(built.core, built.records) : null;
      Atomics.store(positions, index, encodePosition('done'));
      send({ type: 'built', index, built, matches }, matches ? [matches.bytes.buffer as ArrayBuffer] : []);
    }
    send({ type: 'finished' });
  } catch (err) {
    // As on one thread, no analysis starts after one has failed.
    Atomics.store(next, 0, n);
    send({ type: 'failed', index: index < n ? index : -1, error: toErrorBody(analysisError(err)) });
  }
}

// The only message this thread waits for: once it has run, nothing keeps the thread alive.
port.once('message', run);
