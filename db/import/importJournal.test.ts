import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Db } from '../store';
import { importExtract } from './importExtract';
import { ImportError } from './importProblems';
import { storeSnapshot } from './storeSnapshot';
import { tempDir, VALID_FILES, withCell, writeExtract } from './extractFixture';

const PASSPHRASE = 'journal test passphrase';
let dir: string;
let file: string;
let db: Db;
beforeEach(() => {
  dir = tempDir();
  file = join(dir, 'store.mlstore');
  db = openStore(file, PASSPHRASE, { mode: 'create' });
});
afterEach(() => db.close());

const journalMode = (d: Db) => d.pragma('journal_mode', { simple: true }) as string;

/** Imports, noting the journal mode at every progress report (all inside the transaction). */
async function importNotingModes(request = writeExtract(dir)): Promise<Set<string>> {
  const modes = new Set<string>();
  await importExtract(db, request, { onProgress: () => modes.add(journalMode(db)) });
  return modes;
}

describe('the import journal', () => {
  it('alone on a store with no extract, the import runs under a rollback journal and leaves the store in WAL mode', async () => {
    expect(journalMode(db)).toBe('wal');
    expect(await importNotingModes()).toEqual(new Set(['delete']));
    expect(journalMode(db)).toBe('wal');
    expect(db.inTransaction).toBe(false);
    // Back in WAL mode for real: a writer commits while another connection is in a read
    // transaction (a rollback journal would need that reader gone: SQLITE_BUSY).
    const reader = openStore(file, PASSPHRASE, { mode: 'open' });
    reader.exec('BEGIN');
    expect(reader.prepare('SELECT count(*) FROM cohort').pluck().get()).toBe(4);
    db.pragma('busy_timeout = 0');
    db.prepare(`INSERT INTO audit (at, action, detail) VALUES ('2020-01-01', 'test', '{}')`).run();
    reader.exec('COMMIT');
    reader.close();
  });

  it('with another connection open, the import keeps WAL and still succeeds', async () => {
    const other = openStore(file, PASSPHRASE, { mode: 'open' });
    try {
      expect(await importNotingModes()).toEqual(new Set(['wal']));
      expect(journalMode(db)).toBe('wal');
      expect(other.prepare('SELECT count(*) FROM cohort').pluck().get()).toBe(4);
    } finally {
      other.close();
    }
  });

  /** A failed import, noting the journal modes it ran in; then the store must be as it was, in WAL mode, with no journal. */
  async function failedImportModes(): Promise<Set<string>> {
    const before = storeSnapshot(db);
    const bad = writeExtract(dir, { cohort: withCell(VALID_FILES.cohort, 2, 'sex', 'X') });
    const modes = new Set<string>();
    await expect(importExtract(db, bad, { onProgress: () => modes.add(journalMode(db)) })).rejects.toBeInstanceOf(ImportError);
    expect(storeSnapshot(db)).toBe(before);
    expect(journalMode(db)).toBe('wal');
    expect(existsSync(`${file}-journal`)).toBe(false);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return modes;
  }

  it('a failed first import, under the rollback journal, leaves the store as it was, in WAL mode, with no journal file', async () => {
    expect(await failedImportModes()).toEqual(new Set(['delete']));
  });

  it('an import replacing an extract keeps WAL (a rollback would write every page of the old extract back): failed, it leaves the store as it was', async () => {
    await importExtract(db, writeExtract(dir));
    expect(await failedImportModes()).toEqual(new Set(['wal']));
  });
});
