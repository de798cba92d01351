import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store';
import { importExtract } from './importExtract';
import { storeSnapshot } from './storeSnapshot';
import { tempDir, writeExtract } from './extractFixture';

const CHILD = fileURLToPath(new URL('./killedImportChild.ts', import.meta.url));
const PASSPHRASE = 'killed import passphrase';
const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Starts the child's import and SIGKILLs it mid-transaction; resolves with the journal mode it reported. */
function killMidImport(file: string, request: object): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, PASSPHRASE, JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => {
      const said = /^mid-transaction (\w+)\n/.exec(out);
      if (signal === 'SIGKILL' && said) resolve(said[1]);
      else reject(new Error(`the import child ended with ${code ?? signal} before being killed: ${out} ${err}`));
    });
  });
}

const BIG_COHORT = 'record_id,person_id,index_date,date_of_birth,sex,region\n' +
  Array.from({ length: 40_000 }, (_, i) => `X${i},Q${i},2016-01-10,1980-05-01,M,London`).join('\n') + '\n';

/** The store reopened after the kill: whole, and as it was before the import. */
function expectAsBefore(file: string, before: string): void {
  const reopened = openStore(file, PASSPHRASE, { mode: 'open' });
  try {
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(storeSnapshot(reopened)).toBe(before);
    expect(existsSync(`${file}-journal`)).toBe(false);
  } finally {
    reopened.close();
  }
}

describe('an import killed mid-transaction', () => {
  it('the first into a store (a rollback journal) leaves the store as it was: it opens, integrity_check is ok, no extract', async () => {
    const dir = tempDir();
    const file = join(dir, 'store.mlstore');
    const db = openStore(file, PASSPHRASE, { mode: 'create' });
    const before = storeSnapshot(db);
    db.close();
    const storeBefore = fileHash(file);

    expect(await killMidImport(file, writeExtract(tempDir(), { cohort: BIG_COHORT }))).toBe('delete');
    // The killed transaction had already written into the store file; only its journal can undo that.
    expect(fileHash(file)).not.toBe(storeBefore);
    expect(existsSync(`${file}-journal`)).toBe(true);
    expectAsBefore(file, before);
  }, 120_000);

  it('one replacing an extract (the WAL) leaves the store file untouched and the previous extract there', async () => {
    const dir = tempDir();
    const file = join(dir, 'store.mlstore');
    const db = openStore(file, PASSPHRASE, { mode: 'create' });
    await importExtract(db, writeExtract(join(dir)));
    const before = storeSnapshot(db);
    db.close();
    const storeBefore = fileHash(file);

    expect(await killMidImport(file, writeExtract(tempDir(), { cohort: BIG_COHORT }))).toBe('wal');
    // The killed transaction wrote only into the write-ahead log, where no commit frame makes it count.
    expect(fileHash(file)).toBe(storeBefore);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expectAsBefore(file, before);
  }, 120_000);
});
