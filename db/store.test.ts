import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { changePassphrase, openStore, STORE_PAGE_BYTES, StoreError } from './store';
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
