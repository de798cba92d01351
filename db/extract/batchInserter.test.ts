import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { BatchInserter } from './batchInserter';
import type { StoredValue } from '../import/loadRows';

function table() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id TEXT, day INTEGER, note TEXT)');
  return db;
}

describe('BatchInserter', () => {
  it('writes rows given one by one and column by column, across statements, NaN as NULL, in order', () => {
    const db = table();
    // Three rows a statement: the column batch below starts mid-statement and fills two more.
    const inserter = new BatchInserter(db, 't', ['id', 'day', 'note'], 3);
    const one = (row: StoredValue[]) => {
      row.forEach((v, c) => (inserter.params[inserter.nextRowOffset() + c] = v));
      inserter.commitRow();
    };
    one(['a', 1, 'x']);
    one(['b', null, null]);
    inserter.writeColumns([['c', 'd', 'e', 'f', 'g'], Float64Array.of(3, NaN, 5, 6, 7), ['y', null, 'z', 'w', 'v']], 5);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(6);
    one(['h', 8, 'u']);
    inserter.flush();
    expect(inserter.rowsInserted).toBe(8);
    expect(db.prepare('SELECT id, day, note FROM t ORDER BY rowid').raw().all()).toEqual([
      ['a', 1, 'x'], ['b', null, null], ['c', 3, 'y'], ['d', null, null], ['e', 5, 'z'], ['f', 6, 'w'], ['g', 7, 'v'], ['h', 8, 'u'],
    ]);
  });

  it('takes only the first `rows` values of each column, and refuses a batch of the wrong width', () => {
    const db = table();
    const inserter = new BatchInserter(db, 't', ['id', 'day', 'note'], 2);
    inserter.writeColumns([['a', 'b', 'c'], Float64Array.of(1, 2, 3), ['x', 'y', 'z']], 1);
    inserter.flush();
    expect(db.prepare('SELECT id, day, note FROM t').raw().all()).toEqual([['a', 1, 'x']]);
    expect(() => inserter.writeColumns([['a'], Float64Array.of(1)], 1)).toThrow(/2 columns given for 3/);
  });
});
