import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Db } from '../store';
import { importExtract } from '../import/importExtract';
import { tempDir, VALID_FILES, withCell, writeExtract } from '../import/extractFixture';
import { storeInfo } from '../extract/storeInfo';
import { browseTable, type BrowseFilter } from './browseTable';
import { readExtractColumns, writeExtractColumn } from '../columnStore/columnTables';
import { COHORT_ROWID_COLUMN } from '../columnStore/extractColumns';

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

describe('browseTable by record_id', () => {
  it('pages the cohort in record_id byte order, as SQLite sorts it, through the order the import stored', async () => {
    const [header, ...rows] = VALID_FILES.cohort.trimEnd().split('\n');
    let cohort = [header, rows[3], rows[1], rows[0], rows[2]].join('\n') + '\n';
    // In UTF-8 bytes R10 < R2 < R U+FFFD < R U+1F600; in UTF-16 units the emoji's surrogates come before U+FFFD.
    ['R2', 'R\u{1F600}', 'R10', 'R\uFFFD'].forEach((id, k) => (cohort = withCell(cohort, k + 1, 'record_id', id)));
    const dir = tempDir('matchlab-browse-order-');
    const shuffled = openStore(join(dir, 's.mlstore'), 'test passphrase', { mode: 'create' });
    try {
      await importExtract(shuffled, writeExtract(dir, { cohort }));
      const page = (dir: 'asc' | 'desc', offset: number, limit: number, filter: BrowseFilter[] = []) =>
        browseTable(shuffled, { table: 'cohort', offset, limit, sort: [{ column: 'record_id', dir }], filter }).rows;
      expect([...page('asc', 0, 2), ...page('asc', 2, 5)].map((r) => r.record_id)).toEqual(['R10', 'R2', 'R\uFFFD', 'R\u{1F600}']);
      // A filter that keeps every row takes SQLite's ORDER BY: the same rows, every column alike.
      const everyRow: BrowseFilter[] = [{ column: 'record_id', op: 'contains', value: 'R' }];
      for (const dir of ['asc', 'desc'] as const) {
        for (const [offset, limit] of [[0, 10], [1, 2], [3, 1], [4, 5]]) expect(page(dir, offset, limit)).toEqual(page(dir, offset, limit, everyRow));
      }
      // The emoji went to the file's second line, the fixture's R2 (index date 2017-03-01).
      expect(page('desc', 0, 1)[0]).toMatchObject({ record_id: 'R\u{1F600}', index_date: '2017-03-01' });
      // The page follows the stored order, not a sort of its own: given the rowids reversed, it comes reversed.
      const stored = readExtractColumns(shuffled, 'cohort', [COHORT_ROWID_COLUMN]).get(COHORT_ROWID_COLUMN)!.values as Int32Array;
      shuffled.prepare('DELETE FROM extract_columns WHERE file = ? AND name = ?').run('cohort', COHORT_ROWID_COLUMN);
      writeExtractColumn(shuffled, 'cohort', COHORT_ROWID_COLUMN, { type: 'int32', values: stored.slice().reverse() });
      expect(page('asc', 0, 10).map((r) => r.record_id)).toEqual(['R\u{1F600}', 'R\uFFFD', 'R2', 'R10']);
      // An extract imported before the stored order (it had an index instead) is sorted by SQLite.
      shuffled.prepare('DELETE FROM extract_columns WHERE file = ? AND name = ?').run('cohort', COHORT_ROWID_COLUMN);
      expect(page('asc', 0, 10).map((r) => r.record_id)).toEqual(['R10', 'R2', 'R\uFFFD', 'R\u{1F600}']);
      // In file order a page is a range of rowids; with a gap in them (never left by an import), OFFSET again.
      const fileOrder = (offset: number, filter: BrowseFilter[] = []) => browseTable(shuffled, { table: 'cohort', offset, limit: 2, filter }).rows;
      for (const offset of [0, 1, 3, 4]) expect(fileOrder(offset)).toEqual(fileOrder(offset, everyRow));
      expect(fileOrder(1).map((r) => r.record_id)).toEqual(['R\u{1F600}', 'R10']);
      shuffled.prepare('UPDATE extract_files SET rows = 3 WHERE kind = ?').run('cohort');
      shuffled.prepare('DELETE FROM cohort WHERE rowid = 2').run();
      expect(fileOrder(2).map((r) => r.record_id)).toEqual(['R\uFFFD']);
      // The total of an unfiltered page is the rows the import recorded (no count of the whole table); a filter counts.
      shuffled.prepare('UPDATE extract_files SET rows = 99 WHERE kind = ?').run('cohort');
      expect(browseTable(shuffled, { table: 'cohort', offset: 0, limit: 1 }).total).toBe(99);
      expect(browseTable(shuffled, { table: 'cohort', offset: 0, limit: 1, filter: everyRow }).total).toBe(3);
    } finally {
      shuffled.close();
    }
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
