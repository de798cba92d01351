// Exports through the service, as the app and the CLI make them: held against store switches,
// audited in the store they were made from before they are announced, never over an existing
// file unless asked, never to a relative path, with record ids defused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../db/store';
import { readAudit, verifyAudit } from '../../db/audit';
import { saveRun } from '../../db/runs/runStore';
import { southwarkRun } from '../../shared/report/reportFixture';
import { createService, type Service } from './service';

const PASS = 'service exports passphrase';
const run = southwarkRun();
const dir = mkdtempSync(join(tmpdir(), 'matchlab-service-exports-'));
let service: Service;

function storeWithRun(name: string): string {
  const file = join(dir, name);
  const db = openStore(file, PASS, { mode: 'create' });
  // Record ids in byte order, as a run stores them; '-3' took the '+1+…' record, R1 the '=HYPERLINK…' one (the
  // Regional analysis is nearest neighbour without replacement: its matches carry a set column).
  const ids = ["+1+r16+cmd|' /C calc'!A0", '-3', '=HYPERLINK("http://x")', 'R1'];
  const records = new Map(run.analyses.map((a) => [a.name, {
    recordIds: ids,
    treated: new Uint8Array([0, 1, 0, 1]),
    score: new Float64Array([0.25, -3, 2, -1.5]),
    weight: new Float64Array([1, 1, 1, 1]),
    strata: new Int32Array(4),
    setTotal: new Float64Array([0, 1, 0, 1]),
    pairs: { treated: new Int32Array([1, 3]), control: new Int32Array([0, 2]) },
    poolOrder: new Int32Array([0, 2]),
    outsideFilterIds: [],
  }]));
  saveRun(db, run, records);
  db.close();
  return file;
}

async function call(method: string, args: unknown) {
  return service.request(method, args);
}

beforeAll(() => {
  service = createService({ dataDir: join(dir, 'data') });
});
afterAll(() => service.close());

describe('exports through the service', () => {
  it('hold the store: closing or switching it while an export is written is refused, and the entry lands in that store', async () => {
    const a = storeWithRun('a.mlstore');
    const b = storeWithRun('b.mlstore');
    expect((await call('store.open', { path: a, passphrase: PASS })).ok).toBe(true);
    const target = join(dir, 'out', 'annex.xlsx');
    const exporting = call('report.export', { runId: run.runId, path: target });
    const close = await call('store.close', {});
    const switchTo = await call('store.open', { path: b, passphrase: PASS });
    const rekey = await call('store.changePassphrase', { current: PASS, next: 'another long passphrase' });
    expect([close, switchTo, rekey].map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['busy', 'busy', 'busy']);
    expect(await exporting).toMatchObject({ ok: true, result: { path: target } });
    expect(existsSync(target)).toBe(true);
    // Announced only once audited, in the store it was made from.
    const dbA = openStore(a, PASS, { mode: 'open' });
    expect(readAudit(dbA).filter((e) => e.action === 'export').map((e) => e.detail.path)).toEqual([target]);
    expect(verifyAudit(dbA).ok).toBe(true);
    dbA.close();
    expect((await call('store.open', { path: b, passphrase: PASS })).ok).toBe(true);
    const dbB = openStore(b, PASS, { mode: 'open' });
    expect(readAudit(dbB).filter((e) => e.action === 'export')).toEqual([]);
    dbB.close();
  });

  it('refuse an existing file unless overwrite is given, and a relative path', async () => {
    const c = storeWithRun('c.mlstore');
    expect((await call('store.open', { path: c, passphrase: PASS })).ok).toBe(true);
    const target = join(dir, 'mine.html');
    writeFileSync(target, 'the analyst\'s own notes');
    const refused = await call('report.export', { runId: run.runId, path: target });
    expect(refused).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(readFileSync(target, 'utf8')).toBe('the analyst\'s own notes');
    expect(await call('report.export', { runId: run.runId, path: target, overwrite: true })).toMatchObject({ ok: true });
    expect(readFileSync(target, 'utf8')).toMatch(/^<!doctype html>/i);
    const relative = await call('runs.exportMatches', { runId: run.runId, analysis: 'National', path: 'matches.csv' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/full path/) } });
  });

  it('write record ids that a spreadsheet would run as formulas defused, numbers as numbers, matches and pairs alike', async () => {
    const target = join(dir, 'matches.csv');
    expect(await call('runs.exportMatches', { runId: run.runId, analysis: 'Regional', path: target })).toMatchObject({ ok: true, result: { rows: 4 } });
    expect(readFileSync(target, 'utf8').split('\n')).toEqual([
      'record_id,treated,score,weight,set',
      "'+1+r16+cmd|' /C calc'!A0,0,0.25,1,1",
      '-3,1,-3,1,1',
      '"\'=HYPERLINK(""http://x"")",0,2,1,2',
      'R1,1,-1.5,1,2',
      '',
    ]);
    const pairs = join(dir, 'pairs.csv');
    expect(await call('runs.exportPairs', { runId: run.runId, analysis: 'Regional', path: pairs })).toMatchObject({ ok: true, result: { rows: 2 } });
    expect(readFileSync(pairs, 'utf8').split('\n')).toEqual([
      'set,treated_id,comparison_id,distance,pair_weight',
      "1,-3,'+1+r16+cmd|' /C calc'!A0,3.25,1",
      '2,R1,"\'=HYPERLINK(""http://x"")",3.5,1',
      '',
    ]);
  });

  it('write the pairs CSV through the one export writer: audited with its row count, never over a file unasked, never to a relative path', async () => {
    const d = storeWithRun('d.mlstore');
    expect((await call('store.open', { path: d, passphrase: PASS })).ok).toBe(true);
    const target = join(dir, 'my-pairs.csv');
    writeFileSync(target, 'the analyst\'s own pairs');
    expect(await call('runs.exportPairs', { runId: run.runId, analysis: 'Regional', path: target })).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(readFileSync(target, 'utf8')).toBe('the analyst\'s own pairs');
    expect(await call('runs.exportPairs', { runId: run.runId, analysis: 'Regional', path: 'pairs.csv' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await call('runs.exportPairs', { runId: run.runId, analysis: 'Regional', path: target, overwrite: true })).toMatchObject({ ok: true, result: { rows: 2 } });
    expect(readFileSync(target, 'utf8')).toMatch(/^set,treated_id,/);
    const db = openStore(d, PASS, { mode: 'open' });
    expect(readAudit(db).filter((e) => e.action === 'export').map((e) => e.detail)).toEqual([
      { runId: run.runId, analysis: 'Regional', path: target, recordLevel: true, rows: 2, pairs: true },
    ]);
    expect(verifyAudit(db).ok).toBe(true);
    db.close();
  });
});
