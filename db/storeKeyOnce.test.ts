// The store's key derivation (0.2-0.3 s of CPU) is paid once per open of an existing store: by
// the open itself, not again by the page check of `matchlab info` nor by a job thread's connection.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock('./storeKey', async (importOriginal) => {
  const original = await importOriginal<typeof import('./storeKey')>();
  return {
    ...original,
    deriveKeyBytes: (passphrase: string, salt: Uint8Array) => {
      derivations.count++;
      return original.deriveKeyBytes(passphrase, salt);
    },
  };
});

const { openStore, storeKey } = await import('./store');
const { deriveStoreKeyAhead, takeStoreKeyAhead } = await import('./storeKey');
const { checkStoreIntegrity } = await import('./storeIntegrity');

const PASSPHRASE = 'once is enough';
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('the key derivation of an existing store', () => {
  it('happens once: the open, then the integrity check and a second connection use its key', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'matchlab-keyonce-')), 'k.mlstore');
    openStore(file, PASSPHRASE, { mode: 'create' }).close();
    derivations.count = 0;

    const db = openStore(file, PASSPHRASE, { mode: 'open' });
    opened.push(db);
    expect(derivations.count).toBe(1);
    expect(checkStoreIntegrity(db, file)).toEqual({ ok: true, problems: [] });
    const second = openStore(file, storeKey(db), { mode: 'open' });
    opened.push(second);
    expect(second.pragma('user_version', { simple: true })).toBe(db.pragma('user_version', { simple: true }));
    expect(derivations.count).toBe(1);
  });

  it('a wrong passphrase costs one derivation too, and is named as such', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'matchlab-keyonce-')), 'w.mlstore');
    openStore(file, PASSPHRASE, { mode: 'create' }).close();
    derivations.count = 0;
    expect(() => openStore(file, 'not the passphrase', { mode: 'open' })).toThrow(/passphrase does not open/);
    expect(derivations.count).toBe(1);
  });
});

describe('a key derived ahead (the command line starts it before its modules load)', () => {
  it('opens the store with no derivation of the open\'s own, once, and only for its passphrase and the file\'s salt', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'matchlab-keyahead-')), 'a.mlstore');
    openStore(file, PASSPHRASE, { mode: 'create' }).close();
    derivations.count = 0;

    deriveStoreKeyAhead(file, PASSPHRASE);
    const derived = await takeStoreKeyAhead(file, PASSPHRASE);
    expect(derived).not.toBeNull();
    const db = openStore(file, PASSPHRASE, { mode: 'open', derived });
    opened.push(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    expect(derivations.count).toBe(0);
    // Taken once; never handed to another passphrase.
    expect(await takeStoreKeyAhead(file, PASSPHRASE)).toBeNull();
    deriveStoreKeyAhead(file, PASSPHRASE);
    expect(await takeStoreKeyAhead(file, 'another passphrase')).toBeNull();
    // ... and not kept for a later open either.
    expect(await takeStoreKeyAhead(file, PASSPHRASE)).toBeNull();

    // The key is what opens the file: one derived ahead from a wrong passphrase fails as that passphrase does.
    deriveStoreKeyAhead(file, 'not the passphrase');
    const wrong = await takeStoreKeyAhead(file, 'not the passphrase');
    expect(() => openStore(file, 'not the passphrase', { mode: 'open', derived: wrong })).toThrow(/passphrase does not open/);
    expect(derivations.count).toBe(0);
    // Over another salt (the file was rekeyed or replaced meanwhile) it is not used: the open derives its own.
    opened.push(openStore(file, PASSPHRASE, { mode: 'open', derived: { salt: Buffer.alloc(16, 7), key: derived!.key } }));
    expect(derivations.count).toBe(1);
  });

  it('is not started for a file that cannot be read: the open says what is wrong', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'matchlab-keyahead-')), 'none.mlstore');
    deriveStoreKeyAhead(missing, PASSPHRASE);
    expect(await takeStoreKeyAhead(missing, PASSPHRASE)).toBeNull();
    expect(() => openStore(missing, PASSPHRASE, { mode: 'open' })).toThrow(/No store/);
  });
});

describe('the key derivation of a new store', () => {
  it('happens once: the store is keyed with the derived key and a salt of its own, which its file starts with', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'matchlab-keyonce-')), 'n.mlstore');
    derivations.count = 0;
    const db = openStore(file, PASSPHRASE, { mode: 'create' });
    opened.push(db);
    // Derived by the create itself (SQLCipher is given the key raw, so it derives none).
    expect(derivations.count).toBe(1);
    const key = storeKey(db);
    const second = openStore(file, key, { mode: 'open' });
    opened.push(second);
    expect(derivations.count).toBe(1);
    expect(Buffer.from(key.salt).equals(readFileSync(file).subarray(0, 16))).toBe(true);
    // Another new store draws another salt.
    const other = openStore(join(mkdtempSync(join(tmpdir(), 'matchlab-keyonce-')), 'o.mlstore'), PASSPHRASE, { mode: 'create' });
    opened.push(other);
    expect(Buffer.from(storeKey(other).salt).equals(Buffer.from(key.salt))).toBe(false);
    // The passphrase opens it as any SQLCipher 4 store (PBKDF2 over the file's salt).
    db.close();
    second.close();
    opened.push(openStore(file, PASSPHRASE, { mode: 'open' }));
  });
});
