// A job thread started ahead of its job (the command line's analyse starts one while it derives the store's key) runs
// the next job, once; one nobody used is ended with the service.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, storeKey } from '../../db/store';
import { endWarmJobThread, prewarmJobThread, startJob } from './jobRunner';

describe('a job thread started ahead of its job', () => {
  it('runs the next job, and only that one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'matchlab-jobrunner-')), 'j.mlstore');
    const db = openStore(path, 'job runner passphrase', { mode: 'create' });
    const key = storeKey(db);
    const waiting = prewarmJobThread();
    expect(prewarmJobThread()).toBe(waiting);
    const first = startJob('derive', { path, key }, { settings: {} }, () => {});
    expect(first.threadId).toBe(waiting);
    // The store opened with the key it was given: the cohort step got as far as looking for an extract.
    await expect(first.finished).rejects.toMatchObject({ code: 'no_extract' });
    const second = startJob('derive', { path, key }, { settings: {} }, () => {});
    expect(second.threadId).not.toBe(waiting);
    await expect(second.finished).rejects.toMatchObject({ code: 'no_extract' });
    db.close();
  });

  it('is ended when no job took it', async () => {
    const waiting = prewarmJobThread();
    await endWarmJobThread();
    expect(prewarmJobThread()).not.toBe(waiting);
    await endWarmJobThread();
  });
});
