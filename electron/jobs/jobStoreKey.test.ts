// A job's thread opens the store with the key the service kept (db/storeKey.ts), not the
// passphrase; after a rekey it must be given the new key, and the old one must not open the store.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changePassphrase, openStore, storeKey, type StoreKey } from '../../db/store';
import { startJob } from './jobRunner';

/** Runs a cohort step on a store with no extract: it opens the store, then stops with what it found. */
async function jobOutcome(path: string, key: StoreKey): Promise<{ code: string; message: string }> {
  const job = startJob('derive', { path, key }, { settings: {} }, () => {});
  try {
    await job.finished;
    return { code: 'done', message: '' };
  } catch (err) {
    return err as { code: string; message: string };
  }
}

describe('job threads open the store by its kept key', () => {
  it('after a rekey a job opens the store with the new key, and the old key no longer does', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'matchlab-jobkey-')), 'j.mlstore');
    const db = openStore(path, 'the first passphrase', { mode: 'create' });
    const old = storeKey(db);
    const before = await jobOutcome(path, old);
    // The store opened: the job got as far as looking for an extract.
    expect(before.code).toBe('no_extract');
    changePassphrase(db, 'the second passphrase');
    const after = await jobOutcome(path, storeKey(db));
    expect(after).toEqual(before);
    const stale = await jobOutcome(path, old);
    expect(stale.code).toBe('wrong_passphrase');
    expect(stale.message).toMatch(/key no longer opens/);
    db.close();
  });
});
