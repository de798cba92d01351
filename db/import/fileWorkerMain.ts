// Reads, checks and converts one big file (cohort or reoffences) in its own thread, so that the
// two big files are parsed on other cores than the one writing. Checked rows are posted to the
// main thread, which alone writes to the store (its transaction cannot be shared with a second connection).
import { parentPort, workerData } from 'node:worker_threads';
import { ColumnBatchSink } from './columnBatch';
import { ExtraColumnTyping } from './extraColumnTyping';
import { addReadProblem, ProblemLog } from './importProblems';
import { loadRows, type FeedColumn, type RowCheck } from './loadRows';
import { cohortCheck, reoffencesCheck, type ReoffenceTally } from './rowChecks';
import { openRowSource } from './rowSource';
import type { FileWorkerData, FromFileWorker, ToFileWorker } from './fileWorkerProtocol';

// About 3 chunks' worth of reoffences per message: few messages, little held in flight.
const ROWS_PER_MESSAGE = 8192;
// Batches posted but not yet written: reading pauses beyond this, so that a writer slower than
// the reader does not collect the whole file in its message queue (a batch of reoffences is about
// 0.7 MB, of cohort records about 3 MB). Generous, because on two cores the writer also reads
// the cohort, and the reoffences should be read ahead meanwhile rather than after it.
const MAX_UNWRITTEN = 64;
const NUMERIC_RULES = new Set(['date', 'count', 'flag', 'oasys']);

const data = workerData as FileWorkerData;
const port = parentPort!;
const send = (msg: FromFileWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

let unwritten = 0;
let wake: (() => void) | null = null;
const onWritten = (_msg: ToFileWorker) => {
  unwritten--;
  wake?.();
  wake = null;
};

async function run(): Promise<void> {
  const { kind } = data;
  const problems = new ProblemLog();
  const tally: ReoffenceTally = { latestDisposal: -Infinity };
  const ctx = { kind, file: data.fileName, problems };
  const feeds: FeedColumn[] = data.feeds.map((f) => ({ ...f, extra: f.extra && new ExtraColumnTyping(f.extra.name, f.extra.override) }));
  const check: RowCheck = kind === 'cohort' ? cohortCheck(feeds, ctx) : reoffencesCheck(feeds, ctx, tally);
  const source = await openRowSource(data.path, { sheet: data.sheet });
  const sink = new ColumnBatchSink(
    feeds.map((f) => f.rule !== null && NUMERIC_RULES.has(f.rule)),
    ROWS_PER_MESSAGE,
    (batch, transfer) => {
      unwritten++;
      send({ type: 'rows', batch }, transfer);
    },
    // Role texts that repeat (person_id, court_outcome, sex, region, ...); not record_id, which never does.
    feeds.map((f) => f.rule !== null && !NUMERIC_RULES.has(f.rule) && f.column !== 'record_id'),
  );
  let rows = 0;
  try {
    rows = await loadRows(source, feeds, sink, check, {
      ...ctx,
      cell: data.cell,
      headerWidth: data.headerWidth,
      unnamed: data.unnamed,
      writing: () => problems.total === 0,
      onBatch: async (n) => {
        send({ type: 'progress', rows: n, bytesRead: source.bytesRead(), problems: problems.total });
        while (unwritten >= MAX_UNWRITTEN) await new Promise<void>((resolve) => (wake = resolve));
      },
    });
  } catch (err) {
    addReadProblem(problems, kind, data.fileName, err);
  } finally {
    await source.close();
  }
  send({
    type: 'done', rows, listed: problems.listed, total: problems.total,
    latestDisposal: tally.latestDisposal, extras: feeds.map((f) => f.extra?.observed ?? null), sha256: source.sha256(),
  });
  port.off('message', onWritten);
}

port.on('message', onWritten);
await run();
