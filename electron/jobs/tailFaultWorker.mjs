// A second analysis thread that fails on purpose around the tail it is offered (analysisThreads.test.ts): the real thread
// (analysisWorkerMain.ts), with what it posts intercepted. MATCHLAB_TAIL_FAULT says how it fails:
//   crash:  the thread ends once it has computed a piece of a tail it took, before posting it (as a crash would end it);
//   fail:   each piece of a tail it took is reported failed, as the real thread reports an error thrown while computing one;
//   leave:  the thread ends once its own analyses are built, before it reads any offer;
//   slow:   the thread waits 2 s after posting each piece of a tail it took, as if the next piece were long.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const fault = process.env.MATCHLAB_TAIL_FAULT;
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (msg, transfer) => {
  if (msg.type === 'finished' && fault === 'leave') process.exit(70);
  if (msg.type === 'tail' && fault === 'crash') process.exit(70);
  if (msg.type === 'tail' && fault === 'fail') {
    post({ type: 'tailFailed', index: msg.index, piece: msg.result.piece, error: { code: 'analysis_invalid', message: 'the tail failed on purpose' } });
  } else post(msg, transfer);
  if (msg.type === 'tail' && fault === 'slow') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
};
register();
await import('./analysisWorkerMain.ts');
