import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Db } from '../store';
import { importExtract } from '../import/importExtract';
import { tempDir, writeExtract } from '../import/extractFixture';
import { storeInfo } from '../extract/storeInfo';
import { browseTable } from './browseTable';

let db: Db;
beforeAll(async () => {
  const dir = tempDir('matchlab-browse-');
  db = openStore(join(dir, 's.mlstore'), 'test passphrase', { mode: 'create' });
  expect(storeInfo(db)).toEqual({ extract: null, rows: { cohort: 0, reoffences: 0, participants: 0 }, runs: [] });
  await importExtract(db, writeExtract(dir));
});
afterAll(() => db.close());

describe('browseTable', () => {
  it('pages in a stable order with the total, dates as ISO text', () => {
    const first = browseTable(db, { table: 'cohort', offset: 0, limit: 3 });
    const second = browseTable(db, { table: 'cohort', offset: 3, limit: 3 });
    expect(first.total).toBe(4);
    expect([...first.rows, ...second.rows].map((r) => r.record_id)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(first.rows[0].index_date).toBe('2016-01-10');
    expect(first.columns.find((c) => c.name === 'index_date')!.type).toBe('date');
  });
  it('sorts and filters on real columns only', () => {
    const r = browseTable(db, {
      table: 'cohort', offset: 0, limit: 10,
      sort: [{ column: 'PREV_OFFENCES', dir: 'desc' }],
      filter: [{ column: 'index_date', op: 'lt', value: '2017-01-01' }, { column: 'region', op: 'contains', value: 'o' }],
    });
    // London (R1, R2) and North West (R3) contain "o"; R2's index date is 2017. By prev_offences desc: R1 (3), R3 (0).
    expect(r.rows.map((x) => x.record_id)).toEqual(['R1', 'R3']);
    expect(r.total).toBe(2);
    expect(browseTable(db, { table: 'cohort', offset: 0, limit: 10, filter: [{ column: 'area', op: 'equals', value: '01' }] }).rows.map((x) => x.record_id)).toEqual(['R2']);
    expect(browseTable(db, { table: 'reoffences', offset: 0, limit: 10, filter: [{ column: 'custodial', op: 'equals', value: '1' }] }).total).toBe(1);
    expect(() => browseTable(db, { table: 'cohort', offset: 0, limit: 10, sort: [{ column: 'region; DROP TABLE cohort', dir: 'asc' }] })).toThrow(/no column/);
    expect(() => browseTable(db, { table: 'audit' as 'cohort', offset: 0, limit: 10 })).toThrow(/cannot browse/);
    expect(() => browseTable(db, { table: 'cohort', offset: 0, limit: 1001 })).toThrow(/limit/);
  });
  it('a "contains" filter treats % and _ literally', () => {
    expect(browseTable(db, { table: 'cohort', offset: 0, limit: 10, filter: [{ column: 'region', op: 'contains', value: '%' }] }).total).toBe(0);
  });
});

describe('storeInfo', () => {
  it('reports the last import', () => {
    const info = storeInfo(db);
    expect(info.rows).toEqual({ cohort: 4, reoffences: 3, participants: 3 });
    expect(info.extract).toMatchObject({ extractDate: '2016-10-02', extractDateSource: 'latest_disposal' });
    expect(info.extract!.files.map((f) => [f.kind, f.fileName, f.rows])).toEqual([
      ['cohort', 'cohort.csv', 4], ['reoffences', 'reoffences.csv', 3], ['participants', 'participants.csv', 3],
    ]);
    expect(info.extract!.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(info.runs).toEqual([]);
  });
});
