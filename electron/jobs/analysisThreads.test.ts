// A spec's analyses on two threads give the run one thread gives, byte for byte; a cancel or an
// invalid analysis on either thread ends the job with nothing stored. The jobs' own code runs in
// this thread on one small imported store (the second analysis thread is a real worker thread).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../cli/demoCommand';
import { openStore, storeKey, type Db } from '../../db/store';
import { readRun, readRunRecords } from '../../db/runs/runStore';
import { jobAnalysisData } from './jobAnalysisData';
import { importJob } from './importJob';
import { analyseJob } from './analyseJob';
import { startAnalysisThreads } from './analysisThreads';
import { shareCohort } from './sharedCohort';
import { JobCancelled, type PreparedRunFiles } from './jobProtocol';
import { hasSetColumn, matchFacts, writeMatchesCsv } from '../exports/matchesCsv';
import { setNumbers } from '../../shared/engine/matchedSets';
import { NATIONAL, REGIONAL, specSchema } from '../../shared/engine/analysisSpec';
import type { RunResults } from '../../shared/results/runResults';

const spec = specSchema.parse({ organisation: 'Test', analyses: [NATIONAL, REGIONAL] });
let db: Db;

const context = <P>(payload: P, progress: (phase: string) => void = () => undefined, signal = new AbortController().signal) => ({
  db,
  payload,
  progress,
  signal,
});
/** The store as the analysis job names it to its second thread. */
const jobStore = () => ({ path: db.name, key: storeKey(db) });
const runCount = () => db.prepare('SELECT count(*) FROM runs').pluck().get() as number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'matchlab-threads-'));
  const demo = await writeDemoExtract(join(dir, 'demo'), { records: 4000, participants: 100, seed: 3 });
  db = openStore(join(dir, 'threads.mlstore'), 'threads-test-pass');
  await importJob(context({ cohort: { path: demo.files.cohort }, reoffences: { path: demo.files.reoffences }, participants: { path: demo.files.participants } }));
}, 60_000);
afterAll(() => db.close());

/** results.json without what names the run and when. */
function comparable(run: RunResults): string {
  const { runId: _id, createdAt: _at, ...rest } = run;
  return JSON.stringify(rest);
}

type OnPosition = Parameters<ReturnType<typeof startAnalysisThreads>['build']>[1];

/** National and Regional built on `threads` threads with their matches files; `workerUrl`: the second thread's entry. */
async function buildBoth(threads: 1 | 2, onPosition: OnPosition, workerUrl?: URL) {
  const t = startAnalysisThreads(spec, new AbortController().signal, jobStore(), { threads, matchesFiles: true, workerUrl });
  try {
    return await t.build(jobAnalysisData(db), onPosition);
  } finally {
    await t.stop();
  }
}

/**
 * National's progress reports, made to wait until the second thread has built Regional (it starts in 1 to 2 s, more
 * on a loaded machine; National's last report, just before it takes its tail back, waits longest), then once after its
 * matching, by when it has offered its tail: the idle second thread takes the offer meanwhile.
 */
function handOverNationalTail(): OnPosition {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let regionalDone = false;
  let napped = false;
  return (a, at) => {
    if (a === 1 && at === 'done') regionalDone = true;
    if (a !== 0 || at === 'done') return;
    if (!regionalDone) Atomics.wait(nap, 0, 0, at.step === 'outcomes' ? 3000 : 400);
    else if ((at.step === 'balance' || at.step === 'outcomes') && !napped) {
      napped = true;
      Atomics.wait(nap, 0, 0, 500);
    }
  };
}

/** buildBoth with a second thread that fails as MATCHLAB_TAIL_FAULT says when offered National's tail (tailFaultWorker.mjs). */
async function buildWithTailFault(fault: 'crash' | 'fail' | 'leave' | 'slow') {
  process.env.MATCHLAB_TAIL_FAULT = fault;
  try {
    return await buildBoth(2, handOverNationalTail(), new URL('./tailFaultWorker.mjs', import.meta.url));
  } finally {
    delete process.env.MATCHLAB_TAIL_FAULT;
  }
}

/** Every typed array in `value`, in the order of its keys. */
function typedArrays(value: unknown): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) return [value];
  if (value instanceof Map) return [...value.values()].flatMap(typedArrays);
  if (Array.isArray(value)) return value.flatMap(typedArrays);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(typedArrays);
  return [];
}

describe('analyses on two threads', () => {
  it('reads the cohort straight into shared memory, the same values as into its own, so that sharing it copies nothing', () => {
    const own = typedArrays(jobAnalysisData(db));
    const shared = jobAnalysisData(db, 'shared');
    const arrays = typedArrays(shared);
    expect(arrays.length).toBeGreaterThan(10);
    expect(arrays.every((a) => a.buffer instanceof SharedArrayBuffer)).toBe(true);
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(arrays.map((a) => a.constructor.name)).toEqual(own.map((a) => a.constructor.name));
    arrays.forEach((a, k) => expect(bytes(a).equals(bytes(own[k])), `array ${k}`).toBe(true));
    typedArrays(shareCohort(shared)).forEach((a, k) => expect(a).toBe(arrays[k]));
  });

  it('has the second thread build an analysis, and gives byte for byte the run of one thread', async () => {
    const threads = startAnalysisThreads(spec, new AbortController().signal, jobStore(), { threads: 2 });
    const second = new Set<number>();
    const nap = new Int32Array(new SharedArrayBuffer(4));
    let ownDone = false;
    try {
      const built = await threads.build(jobAnalysisData(db), (a, at) => {
        // This thread keeps to National until the second thread has taken Regional, so that each builds one
        // (whatever the machine's load); Regional's progress seen before National's end is the second thread's.
        if (a === 1 && !ownDone) second.add(a);
        if (a === 0 && at === 'done') ownDone = true;
        // (about 30 naps of a quarter second: the second thread starts in 1 to 2 s).
        if (a === 0 && second.size === 0) Atomics.wait(nap, 0, 0, 250);
      });
      expect([...second]).toEqual([1]);
      expect(built.analyses.map((b) => b.core.name)).toEqual(['National', 'Regional']);
      expect(built.matches).toEqual([]);
    } finally {
      await threads.stop();
    }

    const one = (await analyseJob(context({ spec }), 1)).runId;
    const two = (await analyseJob(context({ spec }), 2)).runId;
    expect(comparable(readRun(db, two)!)).toBe(comparable(readRun(db, one)!));
    const bytes = (x: { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
    for (const name of ['National', 'Regional']) {
      const a = readRunRecords(db, one, name)!.match!;
      const b = readRunRecords(db, two, name)!.match!;
      expect(b.recordIds).toEqual(a.recordIds);
      for (const key of ['treated', 'score', 'weight', 'strata', 'setTotal', 'poolOrder'] as const) expect(bytes(b[key]).equals(bytes(a[key])), `${name} ${key}`).toBe(true);
      expect(b.pairs === null).toBe(a.pairs === null);
      if (a.pairs && b.pairs) expect(bytes(b.pairs.control).equals(bytes(a.pairs.control)) && bytes(b.pairs.treated).equals(bytes(a.pairs.treated))).toBe(true);
    }
  }, 60_000);

  it('hands National\'s tail to the second thread once Regional is built: the same analyses and matches files, byte for byte, as one thread', async () => {
    const two = await buildBoth(2, handOverNationalTail());
    expect(two.tailPiecesTaken).toEqual(['0 outcomes', '0 records', '0 matches']);
    const one = await buildBoth(1, () => undefined);
    expect(one.tailPiecesTaken).toEqual([]);
    expect(JSON.stringify(two.analyses.map((b) => b.core))).toBe(JSON.stringify(one.analyses.map((b) => b.core)));
    expect(two.analyses[0].core.comparison.poolRecords).toBeGreaterThan(0);
    expect(two.analyses[0].core.sensitivity).toBeDefined();
    expect(two.matches.map((m) => m.analysis)).toEqual(['National', 'Regional']);
    two.matches.forEach((m, k) => {
      expect(m.rows).toBe(one.matches[k].rows);
      expect(Buffer.from(m.bytes).equals(Buffer.from(one.matches[k].bytes)), m.analysis).toBe(true);
    });
  }, 60_000);

  it('splits National\'s tail when both threads come to it: the second thread formats the matches file while this one computes the outcomes; the same bytes as one thread', async () => {
    const split = await buildWithTailFault('slow');
    expect(split.tailPiecesTaken).toEqual(['0 matches']);
    const one = await buildBoth(1, () => undefined);
    expect(JSON.stringify(split.analyses.map((b) => b.core))).toBe(JSON.stringify(one.analyses.map((b) => b.core)));
    split.matches.forEach((m, k) => expect(Buffer.from(m.bytes).equals(Buffer.from(one.matches[k].bytes)), m.analysis).toBe(true));
  }, 60_000);

  it('ends with worker_crashed, not a hang, when the second thread ends while it computes a tail it took', async () => {
    await expect(buildWithTailFault('crash')).rejects.toMatchObject({ code: 'worker_crashed' });
  }, 60_000);

  it('ends with the error of a tail that failed on the second thread', async () => {
    await expect(buildWithTailFault('fail')).rejects.toMatchObject({ code: 'analysis_invalid', message: 'the tail failed on purpose' });
  }, 60_000);

  it('computes the tail on the job\'s thread when the second thread ends without taking it: the analyses of one thread', async () => {
    const left = await buildWithTailFault('leave');
    expect(left.tailPiecesTaken).toEqual([]);
    const one = await buildBoth(1, () => undefined);
    expect(JSON.stringify(left.analyses.map((b) => b.core))).toBe(JSON.stringify(one.analyses.map((b) => b.core)));
    left.matches.forEach((m, k) => expect(Buffer.from(m.bytes).equals(Buffer.from(one.matches[k].bytes)), m.analysis).toBe(true));
  }, 60_000);

  it('formats the matches file of each analysis where it was built, when asked: the bytes the export writes from the stored run', async () => {
    let handed: PreparedRunFiles | undefined;
    // Regional by nearest neighbour without replacement, as CLI.md's example: its file numbers the matched sets.
    const nearest = specSchema.parse({ ...spec, analyses: [NATIONAL, { ...REGIONAL, matching: { method: 'nearest', ratio: 1, replace: false, caliper: 0.2, caliperUnit: 'sd' } }] });
    const { runId } = await analyseJob({ ...context({ spec: nearest, matchesFiles: true }), prepared: (files) => (handed = files) });
    expect(handed?.runId).toBe(runId);
    expect(handed!.matches.map((m) => m.analysis)).toEqual(['National', 'Regional']);
    const out = mkdtempSync(join(tmpdir(), 'matchlab-threads-matches-'));
    for (const m of handed!.matches) {
      const analysis = readRun(db, runId)!.analyses.find((a) => a.name === m.analysis)!;
      const stored = readRunRecords(db, runId, m.analysis)!;
      const facts = matchFacts(analysis);
      const written = { rows: 0 };
      const path = join(out, `${m.analysis}.csv`);
      await writeMatchesCsv(path, stored.records, hasSetColumn(facts) ? setNumbers(stored.match!, facts.replace) : null, { overwrite: false }, written);
      expect(Buffer.from(m.bytes).equals(readFileSync(path)), m.analysis).toBe(true);
      expect(m.rows).toBe(written.rows);
      expect(m.rows).toBe(stored.records.recordIds.length);
    }
    const sets = Buffer.from(handed!.matches[1].bytes).toString().split('\n').slice(1, -1).map((line) => line.split(',')[4]).filter((set) => set !== '');
    expect(sets.length).toBeGreaterThan(0);
    // A treated record and the one comparison record it took share each set.
    expect(sets.length).toBe(2 * new Set(sets).size);
  }, 60_000);

  it('stops both threads on a cancel during the second analysis and stores no run', async () => {
    const before = runCount();
    const controller = new AbortController();
    const phases: string[] = [];
    const job = analyseJob(context({ spec }, (phase) => {
      phases.push(phase);
      if (phase.includes('Regional (2 of 2): fitting')) controller.abort();
    }, controller.signal));
    await expect(job).rejects.toMatchObject({ code: 'cancelled' });
    expect(phases.some((p) => p.includes('Regional (2 of 2): fitting'))).toBe(true);
    expect(phases.some((p) => p === 'Saving the run')).toBe(false);
    expect(runCount()).toBe(before);
  }, 60_000);

  it('stores neither the run nor its audit entry when the cancel comes while they are written', async () => {
    const before = runCount();
    const audits = () => db.prepare(`SELECT count(*) FROM audit WHERE action = 'analysis'`).pluck().get() as number;
    const auditsBefore = audits();
    let saving = 0;
    // The job thread's progress throws once a cancel has been asked for (jobWorkerMain.ts): here, at the second
    // report of the saving phase, the one made inside the transaction.
    const job = analyseJob(context({ spec }, (phase) => {
      if (phase === 'Saving the run' && ++saving === 2) throw new JobCancelled();
    }));
    await expect(job).rejects.toMatchObject({ code: 'cancelled' });
    expect(saving).toBe(2);
    expect(runCount()).toBe(before);
    expect(audits()).toBe(auditsBefore);
  }, 60_000);

  it('names the first invalid analysis in spec order, whichever thread found it, and stores no run', async () => {
    const before = runCount();
    const bad = (name: string, covariate: string) => ({ ...REGIONAL, name, covariates: [...REGIONAL.covariates, covariate] });
    const invalid = specSchema.parse({ organisation: 'Test', analyses: [NATIONAL, bad('Second', 'no_such_column'), bad('Third', 'another_missing')] });
    await expect(analyseJob(context({ spec: invalid }))).rejects.toMatchObject({ code: 'analysis_invalid', message: expect.stringContaining('no_such_column') });
    expect(runCount()).toBe(before);
  }, 60_000);
});
