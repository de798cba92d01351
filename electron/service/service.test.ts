import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEvent, StoreSummary } from '../../shared/api';
import { writeDemoExtract } from '../cli/demoCommand';
import { openStore } from '../../db/store';
import { createService } from './service';
import { serviceCalls } from './serviceCalls';

const dir = mkdtempSync(join(tmpdir(), 'matchlab-service-'));
const service = createService({ dataDir: dir });
// Typed calls are for valid requests; `call` below also sends invalid ones on purpose.
const { jobEnd } = serviceCalls(service);
afterAll(() => service.close());

async function call<T>(method: string, args: unknown): Promise<T> {
  const r = await service.request(method, args);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.result as T;
}

function firstProgress(jobId: string): Promise<void> {
  return new Promise((resolve) => {
    const off = service.subscribe((e: ApiEvent) => {
      if (e.type === 'job' && e.job.id === jobId && e.job.done > 0) {
        off();
        resolve();
      }
    });
  });
}

describe('service jobs', () => {
  it('runs an import in a worker, refuses a second job meanwhile, and a cancelled re-import leaves the store as it was', async () => {
    const small = await writeDemoExtract(join(dir, 'small'), { records: 2000, seed: 2 });
    const big = await writeDemoExtract(join(dir, 'big'), { records: 200_000, seed: 3 });
    const store = join(dir, 's.mlstore');
    await call('store.create', { path: store, passphrase: 'service test pass' });
    const files = (d: typeof small) => ({ cohort: { path: d.files.cohort }, reoffences: { path: d.files.reoffences }, participants: { path: d.files.participants } });

    const first = await call<{ jobId: string }>('import.start', files(small));
    await expect(call('import.start', { ...files(small), replace: true })).rejects.toMatchObject({ code: 'busy' });
    expect((await jobEnd(first.jobId)).status).toBe('done');
    const before = (await call<{ store: { counts: unknown } }>('app.state', {})).store.counts;
    // Nothing of the data is readable on disk: a known person_id is in neither the store nor its WAL.
    const personId = readFileSync(small.files.participants, 'utf8').split('\n')[1].split(',')[1];
    expect(personId).toMatch(/\d{4}\/\d+/);
    for (const file of [store, `${store}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(personId))).toBe(false);
    }
    expect(before).toEqual({ cohort: 2000, reoffences: expect.any(Number), participants: 100 });

    await expect(call('import.start', files(big))).rejects.toMatchObject({ code: 'confirm_replace' });
    const second = await call<{ jobId: string }>('import.start', { ...files(big), replace: true });
    await firstProgress(second.jobId);
    await call('job.cancel', { jobId: second.jobId });
    const ended = await jobEnd(second.jobId);
    expect(ended.status).toBe('cancelled');
    expect((await call<{ store: { counts: unknown } }>('app.state', {})).store.counts).toEqual(before);
    const db = openStore(store, 'service test pass', { mode: 'open' });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare(`SELECT count(*) FROM participant_status WHERE status = 'treated'`).pluck().get()).toBeGreaterThan(0);
    db.close();
  }, 90_000);

  it('while an import runs the service has let go of the store: app.state answers from the last summary, store methods say busy, and the store event after it carries the new extract', async () => {
    const first = await writeDemoExtract(join(dir, 'lend1'), { records: 2000, seed: 4 });
    const next = await writeDemoExtract(join(dir, 'lend2'), { records: 3000, seed: 5 });
    const files = (d: typeof first) => ({ cohort: { path: d.files.cohort }, reoffences: { path: d.files.reoffences }, participants: { path: d.files.participants } });
    await call('store.create', { path: join(dir, 'lend.mlstore'), passphrase: 'service test pass' });
    expect((await jobEnd((await call<{ jobId: string }>('import.start', files(first))).jobId)).status).toBe('done');
    type State = { store: StoreSummary };
    const before = (await call<State>('app.state', {})).store;
    expect(before.counts?.cohort).toBe(2000);

    const storeEvents: (StoreSummary | null)[] = [];
    const off = service.subscribe((e) => {
      if (e.type === 'store') storeEvents.push(e.store);
    });
    const { jobId } = await call<{ jobId: string }>('import.start', { ...files(next), replace: true });
    const ending = jobEnd(jobId);
    expect((await call<State>('app.state', {})).store).toEqual(before);
    await expect(call('audit.list', {})).rejects.toMatchObject({ code: 'busy', message: 'The store is busy with an import; wait for it to finish' });
    await expect(call('table.browse', { table: 'cohort', offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'busy' });
    expect((await ending).status).toBe('done');
    off();
    expect(storeEvents.map((s) => s?.counts?.cohort)).toEqual([3000]);
    expect((await call<State>('app.state', {})).store.counts?.cohort).toBe(3000);
    expect((await call<{ action: string }[]>('audit.list', {})).filter((a) => a.action === 'import')).toHaveLength(2);
  }, 90_000);

  it('keeps what the screens keep (set-up, import choices, workspace) across closing and reopening the store', async () => {
    const store = join(dir, 'draft.mlstore');
    await call('store.create', { path: store, passphrase: 'draft test pass' });
    expect(await call('kept.get', { kind: 'analysis' })).toEqual({ value: null });
    const draft = { organisation: 'Women’s centre', analyses: [{ name: 'National', caliper: '0.1' }] };
    await call('kept.save', { kind: 'analysis', value: draft });
    await call('kept.save', { kind: 'workspace', value: { section: 'cohort' } });
    await call('store.close', {});
    await call('store.open', { path: store, passphrase: 'draft test pass' });
    expect(await call('kept.get', { kind: 'analysis' })).toEqual({ value: draft });
    // Each kind is kept apart.
    expect(await call('kept.get', { kind: 'workspace' })).toEqual({ value: { section: 'cohort' } });
    expect(await call('kept.get', { kind: 'import' })).toEqual({ value: null });
    await expect(call('kept.save', { kind: 'analysis', value: 'x'.repeat(1_000_001) })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(call('kept.save', { kind: 'secrets', value: 1 })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('deletes a saved mapping by name', async () => {
    const mapping = { columns: { record_id: 'Offender Record' }, dateFormat: 'iso' };
    await call('mapping.save', { name: 'Old export', kind: 'cohort', mapping });
    expect(await call('mapping.delete', { name: 'Old export', kind: 'cohort' })).toEqual({ deleted: true });
    expect(await call('mapping.delete', { name: 'Old export', kind: 'cohort' })).toEqual({ deleted: false });
    expect(await call<unknown[]>('mapping.list', { kind: 'cohort' })).toEqual([]);
  });

  it('withholds the findings of an analysis that fails the matching-quality gate until a justification is recorded, audited and printed', async () => {
    const demo = await writeDemoExtract(join(dir, 'gate'), { records: 3000, seed: 5 });
    const store = join(dir, 'gate.mlstore');
    await call('store.create', { path: store, passphrase: 'gate test pass' });
    const started = await call<{ jobId: string }>('import.start', { cohort: { path: demo.files.cohort }, reoffences: { path: demo.files.reoffences }, participants: { path: demo.files.participants } });
    expect((await jobEnd(started.jobId)).status).toBe('done');
    // Women only: far fewer than the 60 treated people an analysis needs (METHOD.md 8, handled as the gate).
    const spec = { organisation: 'Gate test', analyses: [{ name: 'Women', pool: { sex: 'F' }, exact: [], covariates: ['age_at_index', 'prev_offences'] }] };
    const run = await call<{ jobId: string }>('analysis.run', { spec });
    const job = await jobEnd(run.jobId);
    expect(job.status).toBe('done');
    const runId = (job.result as { runId: string }).runId;
    type Run = import('../../shared/results/runResults').RunResults;
    const before = (await call<Run>('runs.get', { runId })).analyses[0];
    expect(before.matchingQuality).toMatchObject({ passes: false, belowMinimumTreated: true });
    expect(before.findings).toEqual({ publishable: false, justified: false, whatYouCanSay: [], significantResults: [] });
    expect(before.notices[0]).toMatchObject({ kind: 'matchingQuality', level: 'warning' });
    expect((await call<{ html: string }>('report.html', { runId })).html).not.toContain('What you can say about');

    await expect(call('runs.justify', { runId, analysis: 'Women', text: 'ok' })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(call('runs.justify', { runId, analysis: 'Men', text: 'x'.repeat(30) })).rejects.toMatchObject({ code: 'not_found' });
    const reason = 'A pilot for women only: the commissioner asked for these figures with this caveat.';
    const justified = (await call<Run>('runs.justify', { runId, analysis: 'Women', text: `  ${reason} ` })).analyses[0];
    expect(justified.justification).toEqual({ text: reason, recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(justified.findings.publishable).toBe(true);
    expect(justified.findings.whatYouCanSay.map((p) => p.measure)).toEqual(['rate', 'frequency']);
    expect((await call<{ html: string }>('report.html', { runId })).html).toContain(reason);

    // Kept with the run: it survives closing the store; every change is in the audit log.
    await call('store.close', {});
    await call('store.open', { path: store, passphrase: 'gate test pass' });
    expect((await call<Run>('runs.get', { runId })).analyses[0].justification?.text).toBe(reason);
    const withdrawn = (await call<Run>('runs.justify', { runId, analysis: 'Women', text: '' })).analyses[0];
    expect(withdrawn.findings.publishable).toBe(false);
    const audit = (await call<{ action: string; detail: Record<string, unknown> }[]>('audit.list', {})).filter((a) => a.action === 'justification');
    expect(audit.map((a) => a.detail)).toEqual([
      { runId, analysis: 'Women', text: null, withdrawn: true },
      { runId, analysis: 'Women', text: reason, withdrawn: false },
    ]);
  }, 120_000);

  it('names what is wrong with an invalid request and never reaches the store', async () => {
    const r = await service.request('cohort.derive', { settings: { followUpDays: -3 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (!r.ok) expect(r.error.message).toMatch(/settings\.followUpDays/);
    const paged = await service.request('table.browse', { table: 'cohort', offset: 1e300, limit: 10 });
    expect(paged).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (!paged.ok) expect(paged.error.message).toMatch(/offset/);
  });
});
