// The store's key derivation (0.2-0.3 s of CPU) is paid once per open of an existing store: by
// the open itself, not again by the page check of `matchlab info` nor by a job thread's connection.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
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
