// The analysis job's second thread: opens the store by the session's kept key, loads the cohort
// itself (while the job's thread loads its own copy: reading is cheaper than copying it across),
// then builds analyses from the shared queue until it is empty, posting each as it is built.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../../db/store';
import { buildAnalysis } from '../../shared/results/buildRunResults';
import { toErrorBody } from '../service/apiError';
import { jobAnalysisData } from './jobAnalysisData';
import { JobCancelled } from './jobProtocol';
import { analysisError } from './analysisError';
import { encodePosition, type AnalysisWorkerData, type FromAnalysisWorker } from './analysisWorkerProtocol';

const data = workerData as AnalysisWorkerData;
const port = parentPort!;
const next = new Int32Array(data.next);
const positions = new Int32Array(data.positions);
const cancel = new Int32Array(data.cancel);
const send = (msg: FromAnalysisWorker) => port.postMessage(msg);
const n = data.spec.analyses.length;

function run(): void {
  const db = openStore(data.storePath, data.storeKey, { mode: 'open' });
  let index = -1;
  try {
    const cohort = jobAnalysisData(db);
    for (index = Atomics.add(next, 0, 1); index < n; index = Atomics.add(next, 0, 1)) {
      const built = buildAnalysis(cohort, data.spec, index, (a, step, fraction) => {
        if (Atomics.load(cancel, 0) === 1) throw new JobCancelled();
        Atomics.store(positions, a, encodePosition({ step, fraction }));
      });
      Atomics.store(positions, index, encodePosition('done'));
      send({ type: 'built', index, built });
    }
    send({ type: 'finished' });
  } catch (err) {
    // As on one thread, no analysis starts after one has failed.
    Atomics.store(next, 0, n);
    send({ type: 'failed', index: index < n ? index : -1, error: toErrorBody(analysisError(err)) });
  } finally {
    db.close();
  }
}

run();
