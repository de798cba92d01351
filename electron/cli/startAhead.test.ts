// A command that opens --store derives its key before its modules load (main.ts startAhead), and the open takes that
// key: the command's own thread derives none (the derivation ran on the thread pool meanwhile), for either spelling
// of the flag.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const derivations = vi.hoisted(() => ({ onThisThread: 0 }));
vi.mock('../../db/storeKey', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../db/storeKey')>();
  return {
    ...original,
    deriveKeyBytes: (passphrase: string, salt: Uint8Array) => {
      derivations.onThisThread++;
      return original.deriveKeyBytes(passphrase, salt);
    },
  };
});

const { main } = await import('./main');
const { openStore } = await import('../../db/store');

const PASS = 'start ahead passphrase';
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.MATCHLAB_PASSPHRASE;
});

describe('matchlab info', () => {
  for (const spelling of ['--store FILE', '--store=FILE']) {
    it(`opens the store with the key derived ahead (${spelling})`, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'matchlab-ahead-')), 's.mlstore');
      openStore(file, PASS, { mode: 'create' }).close();
      derivations.onThisThread = 0;
      process.env.MATCHLAB_PASSPHRASE = PASS;
      const out: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
      const code = await main(spelling === '--store FILE' ? ['info', '--store', file] : ['info', `--store=${file}`]);
      expect(code).toBe(0);
      expect(JSON.parse(out.join(''))).toMatchObject({ integrity: { ok: true } });
      expect(derivations.onThisThread).toBe(0);
    });
  }
});
