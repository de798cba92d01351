// A full store (SQLite's max_page_count, as on a full disk) or a locked one: the export fails, and
// neither its file nor its audit entry exists; the store stays whole.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../db/store';
import { readAudit, verifyAudit } from '../../db/audit';
import { writeExportFile } from './exportFile';
import { publishWithAudit } from './exportAudit';

describe('an export audited in a store that cannot take the entry', () => {
  it('a full store: no file, no entry, integrity ok; with room again the same export succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchlab-exportaudit-'));
    const db = openStore(join(dir, 's.mlstore'), 'export audit passphrase', { mode: 'create' });
    const out = join(dir, 'out');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    // No free page, no room to grow: the audit insert fails with SQLITE_FULL.
    db.pragma(`max_page_count = ${pages}`);
    const filler = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    // Filled to the last byte: large rows first, then ever smaller ones into what room is left.
    let k = 0;
    for (const size of [4000, 1000, 200, 50, 10, 1]) {
      try {
        for (;;) filler.run(`f${k++}`, 'x'.repeat(size));
      } catch (err) {
        expect((err as { code: string }).code).toBe('SQLITE_FULL');
      }
    }
    const before = readAudit(db).length;
    const target = join(out, 'matches.csv');
    await expect(writeExportFile(target, ['record_id\n1\n'], { overwrite: false, publish: publishWithAudit(db, { path: target, recordLevel: true }) }))
      .rejects.toMatchObject({ code: 'export_failed', message: expect.stringMatching(/full/) });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
    expect(readAudit(db)).toHaveLength(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(db).ok).toBe(true);

    db.pragma('max_page_count = 1073741823');
    await writeExportFile(target, ['record_id\n1\n'], { overwrite: false, publish: publishWithAudit(db, { path: target, recordLevel: true }) });
    expect(existsSync(target)).toBe(true);
    expect(readAudit(db)[0]).toMatchObject({ action: 'export', detail: { path: target, recordLevel: true } });
    expect(verifyAudit(db).ok).toBe(true);
    db.close();
  });

  it('a store locked by another program: the export fails after the wait, with no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchlab-exportaudit-'));
    const file = join(dir, 's.mlstore');
    const db = openStore(file, 'export audit passphrase', { mode: 'create' });
    db.pragma('busy_timeout = 100');
    const other = openStore(file, 'export audit passphrase', { mode: 'open' });
    other.exec('BEGIN IMMEDIATE');
    const target = join(dir, 'report.html');
    await expect(writeExportFile(target, ['<html>'], { overwrite: false, publish: publishWithAudit(db, { path: target }) })).rejects.toMatchObject({ code: 'export_failed' });
    other.exec('ROLLBACK');
    other.close();
    expect(existsSync(target)).toBe(false);
    expect(readAudit(db).filter((e) => e.action === 'export')).toHaveLength(0);
    db.close();
  });
});
