import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Db } from './store';
import { readAudit, verifyAudit, writeAudit } from './audit';

function storeWithEntries(n: number): Db {
  const db = openStore(join(mkdtempSync(join(tmpdir(), 'matchlab-audit-')), 'a.mlstore'), 'audit test passphrase', { mode: 'create' });
  for (let k = 1; k <= n; k++) writeAudit(db, 'export', { path: `/out/file-${k}.csv`, recordLevel: k % 2 === 0 }, new Date(Date.UTC(2026, 0, k)));
  return db;
}

/** What someone with the passphrase and the sqlite3 shell could do: the triggers go first. */
function tamper(db: Db, sql: string): void {
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  db.exec(sql);
}

describe('the audit log', () => {
  it('chains every entry and verifies as intact', () => {
    const db = storeWithEntries(5);
    const check = verifyAudit(db);
    expect(check).toMatchObject({ ok: true, entries: 5, problems: [] });
    expect(check.head).toMatch(/^[0-9a-f]{64}$/);
    expect(readAudit(db).map((e) => e.id)).toEqual([5, 4, 3, 2, 1]);
  });

  it('refuses UPDATE and DELETE through the schema itself', () => {
    const db = storeWithEntries(2);
    expect(() => db.prepare(`UPDATE audit SET detail = '{}' WHERE id = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit WHERE id = 2').run()).toThrow(/append-only/);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('names an entry changed after it was written, and only that one', () => {
    const db = storeWithEntries(5);
    tamper(db, `UPDATE audit SET detail = json_set(detail, '$.recordLevel', json('false')) WHERE id = 2`);
    expect(verifyAudit(db)).toMatchObject({ ok: false, problems: ['entry 2 (export, 2026-01-02T00:00:00.000Z) was changed after it was written'] });
  });

  it('names deleted entries, in the middle and at the end', () => {
    const middle = storeWithEntries(6);
    tamper(middle, 'DELETE FROM audit WHERE id IN (3, 4)');
    expect(verifyAudit(middle).problems[0]).toBe('entries 3 to 4 were deleted');
    const last = storeWithEntries(4);
    tamper(last, 'DELETE FROM audit WHERE id = 4');
    expect(verifyAudit(last).problems).toEqual(['the last entry (4) was deleted']);
  });

  it('names an entry added outside Matchlab, and a head that was removed', () => {
    const db = storeWithEntries(2);
    tamper(db, `INSERT INTO audit (id, at, action, detail, hash) VALUES (3, '2026-02-01', 'export', '{}', 'x')`);
    expect(verifyAudit(db).problems).toEqual(['entry 3 (export, 2026-02-01) was added outside Matchlab']);
    tamper(db, `DELETE FROM meta WHERE key = 'audit_chain'`);
    expect(verifyAudit(db).problems).toEqual(['the record of the audit chain is missing from the store']);
  });

  it('keeps chaining across connections (a job writes from its own)', () => {
    const db = storeWithEntries(1);
    const other = openStore(db.name, 'audit test passphrase', { mode: 'open' });
    writeAudit(other, 'analysis', { runId: 'r1' });
    writeAudit(db, 'export', { runId: 'r1' });
    other.close();
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 3 });
  });
});
