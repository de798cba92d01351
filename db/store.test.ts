import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { changePassphrase, openStore, prepareStoreKey, STORE_PAGE_BYTES, storeKey, StoreError, type StoreKey } from './store';
import { deriveKeyBytes } from './storeKey';
import { readAudit, verifyAudit, writeAudit } from './audit';
import { MIGRATIONS } from './migrations';

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
    // What the first Matchlab release wrote: its first migration, then the data.
    raw.exec(MIGRATIONS[0]);
    raw.pragma('user_version = 1');
    raw.exec('CREATE TABLE kept (x TEXT); INSERT INTO kept VALUES (\'from before\')');
    expect(raw.pragma('page_size', { simple: true })).toBe(4096);
    raw.close();
    const reopened = openStore(earlier, 'right passphrase', { mode: 'open' });
    expect(reopened.prepare('SELECT x FROM kept').pluck().get()).toBe('from before');
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    reopened.close();
    expect(() => openStore(earlier, 'wrong passphrase', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'wrong_passphrase' }));
  });

  it('refuses a short passphrase for a new store and a missing file in open mode', () => {
    const dir = tmp();
    expect(() => openStore(join(dir, 'c.mlstore'), 'short')).toThrow(/at least 8/);
    expect(() => openStore(join(dir, 'd.mlstore'), 'long enough pass', { mode: 'open' })).toThrow(/No store/);
  });

  it('counts a new passphrase in characters, and refuses spaces alone and a NUL', () => {
    const dir = tmp();
    const code = (p: string) => {
      try {
        openStore(join(dir, `${Math.random()}.mlstore`), p, { mode: 'create' }).close();
        return 'created';
      } catch (e) {
        return `${(e as StoreError).code}: ${(e as Error).message}`;
      }
    };
    // Four emoji are eight UTF-16 units but four characters.
    expect(code('🔑🔑🔑🔑')).toMatch(/^bad_passphrase: .*at least 8/);
    expect(code('        ')).toMatch(/^bad_passphrase: .*spaces alone/);
    expect(code('\t \n   \u3000  ')).toMatch(/^bad_passphrase: .*spaces alone/);
    expect(code('long enough\u0000x')).toMatch(/^bad_passphrase: .*NUL/);
    expect(code('clé🔑 de la maison')).toBe('created');
    const file = join(dir, 'n.mlstore');
    openStore(file, 'a good passphrase').close();
    expect(() => openStore(file, 'a good passphrase\u0000', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'bad_passphrase' }));
  });

  it('never initialises an existing file: an empty file and a plain SQLite database are not stores', () => {
    const dir = tmp();
    const empty = join(dir, 'empty.mlstore');
    writeFileSync(empty, '');
    for (const mode of ['open', 'any'] as const) {
      expect(() => openStore(empty, 'x', { mode })).toThrow(expect.objectContaining({ code: 'not_a_store', message: expect.stringMatching(/is empty \(0 bytes\)/) }));
    }
    expect(readFileSync(empty).length).toBe(0);
    const plain = join(dir, 'plain.mlstore');
    const db = new Database(plain);
    db.exec('CREATE TABLE x (y)');
    db.close();
    expect(() => openStore(plain, 'long enough pass', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'not_a_store', message: expect.stringMatching(/unencrypted SQLite/) }));
    const otherCipher = join(dir, 'other.db');
    const keyed = new Database(otherCipher);
    keyed.pragma(`cipher='sqlcipher'`);
    keyed.pragma('legacy=4');
    keyed.pragma(`legacy_page_size=${STORE_PAGE_BYTES}`);
    keyed.pragma(`key='long enough pass'`);
    keyed.exec('CREATE TABLE x (y)');
    keyed.close();
    expect(() => openStore(otherCipher, 'long enough pass', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'not_a_store' }));
    expect(() => openStore(dir, 'long enough pass', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'not_a_store' }));
  });

  it('names a damaged page as damage with the right passphrase, and a cut file as cut', () => {
    const dir = tmp();
    const file = join(dir, 'g.mlstore');
    const db = openStore(file, 'right passphrase', { mode: 'create' });
    db.exec(`CREATE TABLE t (x); INSERT INTO t VALUES (randomblob(60000))`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const raw = readFileSync(file);
    const firstPage = Buffer.from(raw);
    firstPage[200] ^= 0xff;
    writeFileSync(file, firstPage);
    expect(() => openStore(file, 'right passphrase', { mode: 'open' })).toThrow(
      expect.objectContaining({ code: 'damaged', message: expect.stringMatching(/1 of its \d+ pages fails the authentication check \(page 1\)\. The passphrase is right/) }),
    );
    expect(() => openStore(file, 'wrong passphrase', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'wrong_passphrase' }));
    writeFileSync(file, raw.subarray(0, raw.length - 1000));
    expect(() => openStore(file, 'right passphrase', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'damaged', message: expect.stringMatching(/cut short/) }));
  });

  it('changes the passphrase: the old one no longer opens the store, the new one does, with everything kept', () => {
    const file = join(tmp(), 'h.mlstore');
    const db = openStore(file, 'the first passphrase', { mode: 'create' });
    db.exec(`CREATE TABLE kept (x TEXT); INSERT INTO kept VALUES ('still here')`);
    writeAudit(db, 'store_created', {});
    expect(() => changePassphrase(db, 'short')).toThrow(/at least 8/);
    changePassphrase(db, 'the second passphrase');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(() => openStore(file, 'the first passphrase', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'wrong_passphrase' }));
    const reopened = openStore(file, 'the second passphrase', { mode: 'open' });
    expect(reopened.prepare('SELECT x FROM kept').pluck().get()).toBe('still here');
    expect(reopened.pragma('page_size', { simple: true })).toBe(STORE_PAGE_BYTES);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(reopened).ok).toBe(true);
    reopened.close();
  });

  it('refuses to change the passphrase while another connection has the store open', () => {
    const file = join(tmp(), 'i.mlstore');
    const db = openStore(file, 'the first passphrase', { mode: 'create' });
    const other = openStore(file, 'the first passphrase', { mode: 'open' });
    other.exec('BEGIN');
    other.prepare('SELECT count(*) FROM audit').get();
    db.pragma('busy_timeout = 0');
    expect(() => changePassphrase(db, 'the second passphrase')).toThrow();
    other.exec('COMMIT');
    other.close();
    db.close();
    openStore(file, 'the first passphrase', { mode: 'open' }).close();
  });
});

describe('the kept key (derived once per session)', () => {
  const hexOf = (k: StoreKey) => Buffer.from(k.key).toString('hex');
  const settled = (file: string, passphrase: string) => {
    const db = openStore(file, passphrase, { mode: 'create' });
    db.exec(`CREATE TABLE kept (x TEXT); INSERT INTO kept VALUES ('by key')`);
    const key = storeKey(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return key;
  };

  it('opens the store as the passphrase does: same rows, same connection settings, SQLCipher 4\'s key over the file\'s salt', async () => {
    const file = join(tmp(), 'k.mlstore');
    const key = settled(file, 'keyed passphrase');
    // The salt SQLCipher keeps in the file's first 16 bytes, and PBKDF2-SHA512 over it.
    expect(Buffer.from(key.salt)).toEqual(readFileSync(file).subarray(0, 16));
    expect(Buffer.from(key.key)).toEqual(deriveKeyBytes('keyed passphrase', key.salt));
    expect(key.pageBytes).toBe(STORE_PAGE_BYTES);
    const settings = (db: Database.Database) => ({
      rows: db.prepare('SELECT x FROM kept').pluck().all(),
      version: db.pragma('user_version', { simple: true }),
      tempStore: db.pragma('temp_store', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
      foreignKeys: db.pragma('foreign_keys', { simple: true }),
      busy: db.pragma('busy_timeout', { simple: true }),
      pageSize: db.pragma('page_size', { simple: true }),
    });
    const byPassphrase = openStore(file, 'keyed passphrase', { mode: 'open' });
    // Derived off the thread (as the service does after an open), it is the same key.
    await prepareStoreKey(byPassphrase);
    expect(storeKey(byPassphrase)).toEqual(key);
    const byKey = openStore(file, key, { mode: 'open' });
    expect(settings(byKey)).toEqual(settings(byPassphrase));
    expect(settings(byKey)).toMatchObject({ rows: ['by key'], version: MIGRATIONS.length, tempStore: 2, journal: 'wal', foreignKeys: 1, busy: 5000 });
    // A connection opened by key hands the same key on.
    expect(storeKey(byKey)).toEqual(key);
    byKey.close();
    byPassphrase.close();
  });

  it('opens a store with SQLCipher\'s 4 KiB pages by its key too', () => {
    const file = join(tmp(), 'k4.mlstore');
    const raw = new Database(file);
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key='small pages passphrase'`);
    raw.exec(MIGRATIONS[0]);
    raw.pragma('user_version = 1');
    raw.close();
    const db = openStore(file, 'small pages passphrase', { mode: 'open' });
    const key = storeKey(db);
    db.close();
    expect(key.pageBytes).toBe(4096);
    const again = openStore(file, key, { mode: 'open' });
    expect(again.pragma('page_size', { simple: true })).toBe(4096);
    again.close();
  });

  it('refuses a wrong key, a missing file and a damaged store without writing or creating anything, and never names the key', () => {
    const dir = tmp();
    const file = join(dir, 'w.mlstore');
    const key = settled(file, 'the right passphrase');
    const before = readFileSync(file);
    const wrong = { ...key, key: deriveKeyBytes('another passphrase', key.salt) };
    const messages: string[] = [];
    const refused = (secret: StoreKey, at: string, mode: 'open' | 'any' | 'create', code: string) => {
      try {
        openStore(at, secret, { mode });
      } catch (err) {
        expect(err).toBeInstanceOf(StoreError);
        expect((err as StoreError).code).toBe(code);
        messages.push(`${(err as Error).message}\n${(err as Error).stack}`);
        return;
      }
      throw new Error(`opened ${at} by key`);
    };
    refused(wrong, file, 'open', 'wrong_passphrase');
    expect(messages[0]).toMatch(/key no longer opens/);
    expect(readFileSync(file)).toEqual(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    // A key opens existing stores only, whatever the mode.
    for (const mode of ['any', 'create'] as const) refused(key, join(dir, `new-${mode}.mlstore`), mode, 'not_found');
    expect(existsSync(join(dir, 'new-any.mlstore'))).toBe(false);
    expect(existsSync(join(dir, 'new-create.mlstore'))).toBe(false);
    const damaged = Buffer.from(before);
    damaged[200] ^= 0xff;
    writeFileSync(file, damaged);
    refused(key, file, 'open', 'damaged');
    expect(messages.at(-1)).toMatch(/page 1\)\. The key is right/);
    expect(readFileSync(file)).toEqual(damaged);
    for (const hex of [hexOf(key), hexOf(wrong)]) for (const m of messages) expect(m.toLowerCase()).not.toContain(hex.slice(0, 16));
  });

  it('is replaced by the new passphrase\'s key on a rekey: the old key no longer opens the store', () => {
    const file = join(tmp(), 'r.mlstore');
    const db = openStore(file, 'the first passphrase', { mode: 'create' });
    const old = storeKey(db);
    changePassphrase(db, 'the second passphrase');
    const next = storeKey(db);
    expect(hexOf(next)).not.toBe(hexOf(old));
    expect(Buffer.from(next.salt)).toEqual(readFileSync(file).subarray(0, 16));
    expect(Buffer.from(next.key)).toEqual(deriveKeyBytes('the second passphrase', next.salt));
    db.close();
    expect(() => openStore(file, old, { mode: 'open' })).toThrow(expect.objectContaining({ code: 'wrong_passphrase' }));
    openStore(file, next, { mode: 'open' }).close();
  });
});
