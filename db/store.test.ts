import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { deriveStoreKey, openStore, STORE_PAGE_BYTES, storeKey, StoreError } from './store';
import { readAudit, writeAudit } from './audit';

const tmp = () => mkdtempSync(join(tmpdir(), 'matchlab-store-'));

describe('openStore', () => {
  it('creates an encrypted store whose raw bytes hold no plaintext', () => {
    const file = join(tmp(), 'a.mlstore');
    const db = openStore(file, 'correct horse battery', { mode: 'create' });
    db.exec('CREATE TABLE people (person_id TEXT)');
    db.prepare('INSERT INTO people VALUES (?)').run('PNC-SECRET-123456');
    writeAudit(db, 'import', { who: 'PNC-SECRET-123456' });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const raw = readFileSync(file);
    expect(raw.length).toBeGreaterThan(4096);
    expect(raw.includes(Buffer.from('PNC-SECRET'))).toBe(false);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
  });

  it('reopens with the right passphrase and says so on a wrong one', () => {
    const file = join(tmp(), 'b.mlstore');
    openStore(file, 'right passphrase').close();
    const db = openStore(file, 'right passphrase', { mode: 'open' });
    writeAudit(db, 'store_created', { n: 1 });
    expect(readAudit(db)[0].detail).toEqual({ n: 1 });
    db.close();
    expect(() => openStore(file, 'wrong passphrase', { mode: 'open' })).toThrow(StoreError);
    try {
      openStore(file, 'wrong passphrase', { mode: 'open' });
    } catch (e) {
      expect((e as StoreError).code).toBe('wrong_passphrase');
    }
  });

  it('writes 16 KiB pages, and still opens a store written with SQLCipher\'s 4 KiB pages', () => {
    const dir = tmp();
    const db = openStore(join(dir, 'e.mlstore'), 'right passphrase');
    expect(db.pragma('page_size', { simple: true })).toBe(STORE_PAGE_BYTES);
    expect(STORE_PAGE_BYTES).toBe(16384);
    db.close();

    const earlier = join(dir, 'f.mlstore');
    const raw = new Database(earlier);
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key='right passphrase'`);
    raw.exec('CREATE TABLE kept (x TEXT); INSERT INTO kept VALUES (\'from before\')');
    expect(raw.pragma('page_size', { simple: true })).toBe(4096);
    raw.close();
    const reopened = openStore(earlier, 'right passphrase', { mode: 'open' });
    expect(reopened.prepare('SELECT x FROM kept').pluck().get()).toBe('from before');
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    reopened.close();
    expect(() => openStore(earlier, 'wrong passphrase', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'wrong_passphrase' }));
  });

  it('derives the key once: another connection opens with it, and SQLCipher opens the same file with the passphrase alone', () => {
    const file = join(tmp(), 'k.mlstore');
    const db = openStore(file, 'keyed passphrase', { mode: 'create' });
    db.exec("CREATE TABLE kept (x TEXT); INSERT INTO kept VALUES ('keyed')");
    const key = storeKey(db);
    db.close();
    // The salt SQLCipher reads from the file's first 16 bytes, and its PBKDF2-SHA512 key over it.
    expect(Buffer.from(key.salt)).toEqual(readFileSync(file).subarray(0, 16));
    expect(Buffer.from(deriveStoreKey('keyed passphrase', key.salt).key)).toEqual(Buffer.from(key.key));
    const again = openStore(file, key, { mode: 'open' });
    expect(again.prepare('SELECT x FROM kept').pluck().get()).toBe('keyed');
    again.close();
    const plain = new Database(file);
    plain.pragma(`cipher='sqlcipher'`);
    plain.pragma('legacy=4');
    plain.pragma(`legacy_page_size=${STORE_PAGE_BYTES}`);
    plain.pragma(`key='keyed passphrase'`);
    expect(plain.prepare('SELECT x FROM kept').pluck().get()).toBe('keyed');
    plain.close();
    const other = deriveStoreKey('another passphrase', key.salt);
    expect(() => openStore(file, other, { mode: 'open' })).toThrow(expect.objectContaining({ code: 'wrong_passphrase' }));
  });

  it('refuses a short passphrase for a new store and a missing file in open mode', () => {
    const dir = tmp();
    expect(() => openStore(join(dir, 'c.mlstore'), 'short')).toThrow(/at least 8/);
    expect(() => openStore(join(dir, 'd.mlstore'), 'long enough pass', { mode: 'open' })).toThrow(/No store/);
  });
});
