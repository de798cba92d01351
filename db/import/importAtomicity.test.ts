import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Db } from '../store';
import { importExtract } from './importExtract';
import { ImportError } from './importProblems';
import { storeSnapshot } from './storeSnapshot';
import { tempDir, VALID_FILES, withCell, writeExtract } from './extractFixture';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = tempDir();
  db = openStore(join(dir, 'store.mlstore'), 'test passphrase', { mode: 'create' });
  await importExtract(db, writeExtract(dir));
});
afterEach(() => db.close());

function integrityOk(): boolean {
  return (db.pragma('integrity_check', { simple: true }) as string) === 'ok';
}

describe('an import is all or nothing', () => {
  it('a failing import leaves the previous extract exactly as it was', async () => {
    const before = storeSnapshot(db);
    const bad = writeExtract(dir, { reoffences: withCell(VALID_FILES.reoffences, 3, 'court_outcome', 'crown') });
    await expect(importExtract(db, bad)).rejects.toBeInstanceOf(ImportError);
    expect(storeSnapshot(db)).toBe(before);
    expect(integrityOk()).toBe(true);
    expect(db.inTransaction).toBe(false);
  });

  it('a cancelled import (AbortSignal) leaves the store as it was, wherever it is cancelled', async () => {
    const before = storeSnapshot(db);
    // Cancel at each progress report in turn, and before the start.
    const big = 'record_id,person_id,index_date,date_of_birth,sex,region\n' +
      Array.from({ length: 30_000 }, (_, i) => `X${i},Q${i},2016-01-10,1980-05-01,M,London`).join('\n');
    const request = writeExtract(dir, { cohort: big });
    let reports = 0;
    for (let stopAt = 0; stopAt < 10; stopAt++) {
      const controller = new AbortController();
      let seen = 0;
      if (stopAt === 0) controller.abort();
      const outcome = await importExtract(db, request, {
        signal: controller.signal,
        onProgress: () => {
          if (++seen === stopAt) controller.abort();
        },
      }).then(() => 'imported', (e: unknown) => (e as Error).name);
      reports = Math.max(reports, seen);
      if (outcome === 'imported') break; // cancelling after the commit is too late, by design
      expect(outcome).toBe('AbortError');
      expect(storeSnapshot(db)).toBe(before);
      expect(integrityOk()).toBe(true);
    }
    expect(reports).toBeGreaterThan(2);
  });

  it('a good re-import replaces the extract', async () => {
    const next = writeExtract(dir, { cohort: withCell(VALID_FILES.cohort, 1, 'region', 'Wales') });
    const s = await importExtract(db, next);
    expect(s.files.cohort.rows).toBe(4);
    expect(db.prepare(`SELECT region FROM cohort WHERE record_id = 'R1'`).get()).toEqual({ region: 'Wales' });
    expect((db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'import'`).get() as { n: number }).n).toBe(2);
    expect(integrityOk()).toBe(true);
  });
});
