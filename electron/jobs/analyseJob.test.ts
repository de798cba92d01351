// The analysis job end to end through the service (the CLI's code path): demo extract -> import
// -> cohort step -> analyses -> stored run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../cli/demoCommand';
import { openCliSession, type CliSession } from '../cli/cliSession';
import { openStore, type Db } from '../../db/store';
import { readRun, readRunRecords } from '../../db/runs/runStore';
import { importJob } from './importJob';
import { analyseJob } from './analyseJob';
import { NATIONAL, REGIONAL, presetSpec, specSchema } from '../../shared/engine/analysisSpec';
import { DEMO_RECORDS } from '../service/service';
import { Xoshiro128 } from '../../shared/demo/xoshiro128';
import type { DemoTruth } from '../../shared/demo/generateDemoExtract';
import type { RunResults } from '../../shared/results/runResults';

const PASS = 'analyse-test-pass';

async function importAndRun(session: CliSession, store: string, files: { cohort: string; reoffences: string; participants: string }, spec: unknown) {
  await session.call('store.create', { path: store, passphrase: PASS });
  const imp = await session.call('import.start', {
    cohort: { path: files.cohort },
    reoffences: { path: files.reoffences },
    participants: { path: files.participants },
  });
  await session.waitForJob(imp.jobId);
  const run = await session.call('analysis.run', { spec: spec as never });
  const job = await session.waitForJob(run.jobId);
  if (job.kind !== 'analyse' || !job.result) throw new Error('the analysis job ended without a run');
  const { runId } = job.result;
  return session.call('runs.get', { runId });
}

/** The rows of a CSV text (after its header) in a seeded random order. */
function shuffleCsv(path: string, out: string, seed: number): void {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const rng = Xoshiro128.fromSeed(seed);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  writeFileSync(out, [header, ...rows].join('\n') + '\n');
}

/** results.json without what names the run and when (they differ between any two runs). */
function comparable(run: RunResults): string {
  const { runId: _id, createdAt: _at, cohortSettings, ...rest } = run;
  const { importedAt: _imported, ...settings } = cohortSettings as Record<string, unknown>;
  return JSON.stringify({ ...rest, cohortSettings: settings });
}

describe('analysis job', () => {
  it('runs the presets on the app\'s demo extract and both pass the matching-quality gate (METHOD.md 4a)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchlab-presets-'));
    // The extract "Open the demo" makes: the service's record count and the generator's defaults.
    const demo = await writeDemoExtract(join(dir, 'demo'), { records: DEMO_RECORDS });
    const session = openCliSession();
    try {
      const run = await importAndRun(session, join(dir, 'p.mlstore'), demo.files, presetSpec('Demo programme'));
      for (const a of run.analyses) {
        expect(a.matchingQuality, `${a.name}: ${JSON.stringify(a.matchingQuality.poorlyMatched)}`).toMatchObject({ passes: true, poorlyMatched: [] });
        expect(a.findings.whatYouCanSay.length).toBeGreaterThan(0);
      }
    } finally {
      await session.close();
    }
  }, 120_000);

  it('gives byte-identical results and matches whatever the row order of the input files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchlab-analyse-'));
    const demo = await writeDemoExtract(join(dir, 'demo'), { records: 4000, participants: 100, seed: 5 });
    shuffleCsv(demo.files.cohort, join(dir, 'cohort-shuffled.csv'), 1);
    shuffleCsv(demo.files.reoffences, join(dir, 'reoffences-shuffled.csv'), 2);
    const spec = specSchema.parse({ organisation: 'Test', analyses: [NATIONAL, REGIONAL] });
    const session = openCliSession();
    try {
      const a = await importAndRun(session, join(dir, 'a.mlstore'), demo.files, spec);
      const b = await importAndRun(
        session,
        join(dir, 'b.mlstore'),
        { cohort: join(dir, 'cohort-shuffled.csv'), reoffences: join(dir, 'reoffences-shuffled.csv'), participants: demo.files.participants },
        spec,
      );
      expect(a.analyses).toHaveLength(2);
      expect(a.analyses[0].treatment.n).toBeGreaterThan(50);
      expect(comparable(b)).toBe(comparable(a));
      for (const analysis of ['National', 'Regional']) {
        const ra = readRunRecords(openStore(join(dir, 'a.mlstore'), PASS, { mode: 'open' }), a.runId, analysis)!.match!;
        const rb = readRunRecords(openStore(join(dir, 'b.mlstore'), PASS, { mode: 'open' }), b.runId, analysis)!.match!;
        expect(rb.recordIds).toEqual(ra.recordIds);
        const same = (x: { buffer: ArrayBufferLike }, y: { buffer: ArrayBufferLike }) => Buffer.from(x.buffer).equals(Buffer.from(y.buffer));
        expect(same(rb.score, ra.score)).toBe(true);
        expect(same(rb.weight, ra.weight)).toBe(true);
        // Who was matched to whom is stored identically too (pairs are kept for nearest neighbour only).
        expect(same(rb.setTotal, ra.setTotal)).toBe(true);
        expect(same(rb.strata, ra.strata)).toBe(true);
        expect(same(rb.poolOrder, ra.poolOrder)).toBe(true);
        expect(rb.pairs === null).toBe(a.analyses.find((x) => x.name === analysis)!.spec.matching.method !== 'nearest');
        if (ra.pairs && rb.pairs) expect(same(rb.pairs.control, ra.pairs.control) && same(rb.pairs.treated, ra.pairs.treated)).toBe(true);
      }
    } finally {
      await session.close();
    }
  });

  // Cheap by design: each seed runs the import and analysis jobs' own code in this thread on a
  // 10,000-record extract (no worker threads to start: 40 of them on a loaded machine took
  // minutes), in one store (deriving a store's key is deliberately slow), five seeds per test so
  // that no test runs long; the test above covers the jobs' threads and the service.
  describe("covers the demo programme's true effect", () => {
    const spec = specSchema.parse({ organisation: 'Demo programme', analyses: [NATIONAL] });
    const outcomes = new Map<number, { covered: boolean; rightSign: boolean; interval: string }>();
    let db: Db;
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'matchlab-coverage-'));
      db = openStore(join(dir, 'coverage.mlstore'), PASS);
    });
    afterAll(() => db.close());

    it.each([1, 6, 11, 16])('five seeds from seed %i: an analysis each', async (first) => {
      const context = <P>(payload: P) => ({ db, payload, progress: () => undefined, signal: new AbortController().signal });
      for (let seed = first; seed < first + 5; seed++) {
        // 400 participants give a treatment group of about 270, enough to tell -8 points from 0.
        const demo = await writeDemoExtract(join(dir, `demo-${seed}`), { records: 10_000, participants: 400, seed, effect: -0.08 });
        const truth = JSON.parse(readFileSync(demo.files.truth, 'utf8')) as DemoTruth;
        await importJob(context({ cohort: { path: demo.files.cohort }, reoffences: { path: demo.files.reoffences }, participants: { path: demo.files.participants } }));
        const { runId } = await analyseJob(context({ spec }));
        const rate = readRun(db, runId)!.analyses[0].outcomes.rate;
        outcomes.set(seed, {
          covered: rate.ciLow! <= truth.trueAverageEffect && truth.trueAverageEffect <= rate.ciHigh!,
          rightSign: Math.sign(rate.difference!) === Math.sign(truth.trueAverageEffect),
          interval: `seed ${seed}: ${rate.ciLow!.toFixed(3)} to ${rate.ciHigh!.toFixed(3)} vs ${truth.trueAverageEffect.toFixed(3)}`,
        });
      }
    });

    it('in at least 18 of the 20 seeds, with the right sign', () => {
      expect(outcomes.size).toBe(20);
      const all = [...outcomes.values()];
      expect(all.filter((o) => o.covered).length, all.filter((o) => !o.covered).map((o) => o.interval).join('; ')).toBeGreaterThanOrEqual(18);
      expect(all.filter((o) => o.rightSign).length).toBeGreaterThanOrEqual(18);
    });
  });
});
