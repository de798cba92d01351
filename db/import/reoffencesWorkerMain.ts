// Reads, checks and converts the reoffences file in its own thread while the main thread reads
// the cohort: the two big files are parsed on two cores. Checked rows are posted to the main
// thread, which alone writes to the store (its transaction cannot be shared with a second connection).
import { parentPort, workerData } from 'node:worker_threads';
import { ColumnBatchSink } from './columnBatch';
import { addReadProblem, ProblemLog } from './importProblems';
import { loadRows } from './loadRows';
import { reoffencesCheck, type ReoffenceTally } from './rowChecks';
import { openRowSource } from './rowSource';
import type { FromReoffencesWorker, ReoffencesWorkerData } from './reoffencesProtocol';

// About 3 chunks' worth of reoffences per message: few messages, little held in flight.
const ROWS_PER_MESSAGE = 8192;
const NUMERIC_RULES = new Set(['date', 'count', 'flag', 'oasys']);

const data = workerData as ReoffencesWorkerData;
const port = parentPort!;
const send = (msg: FromReoffencesWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

async function run(): Promise<void> {
  const kind = 'reoffences';
  const problems = new ProblemLog();
  const tally: ReoffenceTally = { personRows: new Map(), latestDisposal: -Infinity };
  const ctx = { kind, file: data.fileName, problems } as const;
  const source = await openRowSource(data.path, { sheet: data.sheet });
  const sink = new ColumnBatchSink(
    data.feeds.map((f) => f.rule !== null && NUMERIC_RULES.has(f.rule)),
    ROWS_PER_MESSAGE,
    (batch, transfer) => send({ type: 'rows', batch }, transfer),
  );
  let rows = 0;
  try {
    rows = await loadRows(source, data.feeds, sink, reoffencesCheck(data.feeds, ctx, tally), {
      ...ctx,
      cell: data.cell,
      headerWidth: data.headerWidth,
      unnamed: data.unnamed,
      onBatch: (n) => send({ type: 'progress', rows: n, bytesRead: source.bytesRead() }),
    });
  } catch (err) {
    addReadProblem(problems, kind, data.fileName, err);
  } finally {
    await source.close();
  }
  send({
    type: 'done', rows, listed: problems.listed, total: problems.total,
    personRows: tally.personRows, latestDisposal: tally.latestDisposal, sha256: source.sha256(),
  });
}

await run();
