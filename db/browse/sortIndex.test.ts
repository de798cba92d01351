import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Db } from '../store';
import { importExtract } from '../import/importExtract';
import { tempDir, writeExtract } from '../import/extractFixture';
import { browseTable, type BrowseRequest } from './browseTable';
import { ensureSortIndex } from './sortIndex';

let db: Db;
beforeAll(async () => {
  const dir = tempDir('matchlab-sort-index-');
  db = openStore(join(dir, 's.mlstore'), 'test passphrase', { mode: 'create' });
  await importExtract(db, writeExtract(dir));
});
afterAll(() => db.close());

const indexes = () => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]);

describe('the browse grid sort indexes', () => {
  it('are not built by the import, then once, by the first sort on person_id, which gives the same page', () => {
    expect(indexes()).not.toContain('reoffences_person_id');
    const request: BrowseRequest = { table: 'reoffences', offset: 0, limit: 10, sort: [{ column: 'Person_ID', dir: 'desc' }] };
    const unindexed = browseTable(db, request);
    expect(ensureSortIndex(db, request)).toBe(true);
    expect(indexes()).toContain('reoffences_person_id');
    expect(browseTable(db, request)).toEqual(unindexed);
    expect(unindexed.rows.map((r) => r.person_id)).toEqual(['P9', 'P2', 'P1']);
    expect(ensureSortIndex(db, request)).toBe(false);
  });

  it('are not built for another column, nor for person_id as a second sort key', () => {
    expect(ensureSortIndex(db, { table: 'cohort', offset: 0, limit: 10, sort: [{ column: 'index_date', dir: 'asc' }, { column: 'person_id', dir: 'asc' }] })).toBe(false);
    expect(ensureSortIndex(db, { table: 'participants', offset: 0, limit: 10, sort: [{ column: 'person_id', dir: 'asc' }] })).toBe(false);
    expect(indexes()).not.toContain('cohort_person_id');
  });
});
