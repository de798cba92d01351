// The stored run's matched sets through the service (real worker, encrypted store): unmatched treated with why,
// a treated record's set and the treated a comparison record serves, the matches and pairs exports agreeing with the
// stored weights, and a run's name, note, deletion and restoration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../cli/demoCommand';
import { createService } from './service';
import { serviceCalls } from './serviceCalls';

const dir = mkdtempSync(join(tmpdir(), 'matchlab-sets-'));
const service = createService({ dataDir: dir });
const { call, jobEnd } = serviceCalls(service);
const PASS = 'matched sets pass';
let runId = '';

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => line.split(','));
}

beforeAll(async () => {
  const demo = await writeDemoExtract(join(dir, 'demo'), { records: 4000, seed: 7 });
  await call('store.create', { path: join(dir, 'sets.mlstore'), passphrase: PASS });
  const imported = await call('import.start', { cohort: { path: demo.files.cohort }, reoffences: { path: demo.files.reoffences }, participants: { path: demo.files.participants } });
  await jobEnd(imported.jobId);
  const covariates = ['age_at_index', 'ethnicity', 'index_disposal', 'prev_offences'];
  const spec = {
    organisation: 'Test',
    analyses: [
      { name: 'Radius', covariates, matching: { method: 'radius' as const, caliper: 0.05 } },
      // A tight caliper without replacement leaves treated people unmatched; a men-only filter leaves women out.
      { name: 'Nearest', pool: { sex: 'M' }, exact: [], covariates, matching: { method: 'nearest' as const, caliper: 0.02 } },
    ],
  };
  const job = await jobEnd((await call('analysis.run', { spec })).jobId);
  if (job.kind !== 'analyse' || !job.result) throw new Error(`the analysis failed: ${job.error?.message}`);
  runId = job.result.runId;
}, 120_000);
afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('matched sets of a stored run', () => {
  // Before any view: the export reads the stored arrays without indexing them (compared below with the file
  // exported once the analysis is indexed).
  const unindexedMatches = join(dir, 'out', 'matches-Nearest-unindexed.csv');
  it('exports the matches of an analysis nobody has looked at yet', async () => {
    await call('runs.exportMatches', { runId, analysis: 'Nearest', path: unindexedMatches });
    expect(csvRows(unindexedMatches).slice(1).some((r) => r[4] !== '')).toBe(true);
  });

  it('lists every unmatched treated record with why, and as many as the run counts', async () => {
    const run = await call('runs.get', { runId });
    const nearest = run.analyses[1];
    const page = await call('runs.treated', { runId, analysis: 'Nearest', offset: 0, limit: 1000, status: 'unmatched' });
    expect(page.unmatched).toBe(nearest.treatment.notMatched + nearest.treatment.outsideFilter);
    expect(page.total).toBe(page.unmatched);
    expect((await call('runs.list', {}))[0]).toMatchObject({ runId, onEarlierImport: false });
    expect(nearest.treatment.notMatched).toBeGreaterThan(0);
    expect(nearest.treatment.outsideFilter).toBeGreaterThan(0);
    const reasons = new Set(page.rows.map((r) => r.reason));
    expect(reasons.has('outside_filter')).toBe(true);
    for (const r of page.rows) {
      expect(r.matched).toBe(false);
      if (r.reason === 'no_pool_in_caliper') expect(r.nearestDistance!).toBeGreaterThan(page.caliper!);
      if (r.reason === 'taken') expect(r.nearestDistance!).toBeLessThanOrEqual(page.caliper!);
      if (r.reason === 'outside_filter') expect(r.score).toBeNull();
    }
    // The run is on the store's current import: participants are named by their own reference.
    expect(page.rows.every((r) => r.participantRef !== null)).toBe(true);
    expect(nearest.sampleSizes!.treated).toMatchObject({ unmatched: nearest.treatment.notMatched, discarded: nearest.treatment.outsideFilter, matched: nearest.treatment.n });
  });

  it('opens a treated record’s set and, from one of its members, the treated that record serves', async () => {
    const matched = await call('runs.treated', { runId, analysis: 'Radius', offset: 0, limit: 5, status: 'matched' });
    const t = matched.rows[0];
    const set = await call('runs.matchedSet', { runId, analysis: 'Radius', recordId: t.recordId, limit: 1000 });
    expect(set.record).toMatchObject({ recordId: t.recordId, treated: true, weight: 1 });
    expect(set.total).toBe(t.setSize);
    expect(set.members.length).toBe(Math.min(1000, set.total));
    for (const m of set.members) {
      expect(m.distance).toBeLessThanOrEqual(matched.caliper!);
      expect(m.pairWeight).toBeCloseTo(1 / set.total, 15);
    }
    const served = await call('runs.matchedSet', { runId, analysis: 'Radius', recordId: set.members[0].recordId, limit: 1000 });
    expect(served.record.treated).toBe(false);
    expect(served.members.map((m) => m.recordId)).toContain(t.recordId);
    expect(served.members.reduce((s, m) => s + m.pairWeight, 0)).toBeCloseTo(served.record.weight, 12);
    await expect(call('runs.matchedSet', { runId, analysis: 'Radius', recordId: 'no-such-record', limit: 10 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('exports the matches with MatchIt’s set ids (nearest) and the pairs whose weights add up to the matches’ weights', async () => {
    const matches = join(dir, 'out', 'matches-Nearest.csv');
    await call('runs.exportMatches', { runId, analysis: 'Nearest', path: matches });
    const rows = csvRows(matches);
    expect(rows[0]).toEqual(['record_id', 'treated', 'score', 'weight', 'set']);
    const setIds = rows.slice(1).filter((r) => r[1] === '1' && r[3] === '1').map((r) => Number(r[4]));
    // Matched treated records are numbered 1.. in record_id order (MatchIt's subclass); each control shares its set.
    expect(setIds).toEqual(setIds.map((_, k) => k + 1));
    expect(rows.slice(1).filter((r) => r[1] === '0' && Number(r[3]) > 0).every((r) => Number(r[4]) > 0)).toBe(true);
    expect(readFileSync(matches, 'utf8')).toBe(readFileSync(unindexedMatches, 'utf8'));

    const radiusMatches = join(dir, 'out', 'matches-Radius.csv');
    const pairs = join(dir, 'out', 'pairs-Radius.csv');
    await call('runs.exportMatches', { runId, analysis: 'Radius', path: radiusMatches });
    const exported = await call('runs.exportPairs', { runId, analysis: 'Radius', path: pairs });
    const pairRows = csvRows(pairs);
    expect(pairRows[0]).toEqual(['set', 'treated_id', 'comparison_id', 'distance', 'pair_weight']);
    expect(exported.rows).toBe(pairRows.length - 1);
    const summed = new Map<string, number>();
    for (const r of pairRows.slice(1)) summed.set(r[2], (summed.get(r[2]) ?? 0) + Number(r[4]));
    const weighted = csvRows(radiusMatches).slice(1).filter((r) => r[1] === '0' && Number(r[3]) > 0);
    expect(summed.size).toBe(weighted.length);
    for (const r of weighted) expect(summed.get(r[0])).toBeCloseTo(Number(r[3]), 12);
    const audit = await call('audit.list', { limit: 10 });
    expect(audit.filter((a) => a.action === 'export' && a.detail.recordLevel === true)).toHaveLength(4);
  });

  it('marks a run made on an earlier import, and no longer names its participants (the import may have renumbered them)', async () => {
    const demo = join(dir, 'demo');
    const again = await call('import.start', { cohort: { path: join(demo, 'cohort.csv') }, reoffences: { path: join(demo, 'reoffences.csv') }, participants: { path: join(demo, 'participants.csv') }, replace: true });
    expect((await jobEnd(again.jobId)).status).toBe('done');
    expect((await call('runs.list', {})).find((r) => r.runId === runId)?.onEarlierImport).toBe(true);
    const page = await call('runs.treated', { runId, analysis: 'Nearest', offset: 0, limit: 5, status: 'all' });
    expect(page.rows.every((r) => r.participantRef === null)).toBe(true);
  });

  it('names, notes, deletes and restores a run; a deleted run is gone for good once the store is reopened', async () => {
    await call('runs.describe', { runId, name: '  Caliper 0.05  ', note: 'Tight caliper to see who drops out.' });
    expect((await call('runs.list', {}))[0]).toMatchObject({ runId, name: 'Caliper 0.05', note: 'Tight caliper to see who drops out.' });
    await call('runs.delete', { runId });
    expect(await call('runs.list', {})).toEqual([]);
    await expect(call('runs.get', { runId })).rejects.toMatchObject({ code: 'not_found' });
    expect(await call('runs.restore', { runId })).toEqual({ restored: true });
    expect((await call('runs.list', {})).map((r) => r.runId)).toEqual([runId]);
    await call('runs.delete', { runId });
    await call('store.close', {});
    await call('store.open', { path: join(dir, 'sets.mlstore'), passphrase: PASS });
    expect(await call('runs.restore', { runId })).toEqual({ restored: false });
    expect(await call('runs.list', {})).toEqual([]);
    expect((await call('audit.list', { limit: 5 })).map((a) => a.action).slice(0, 3)).toEqual(['run_deleted', 'run_restored', 'run_deleted']);
  });
});
