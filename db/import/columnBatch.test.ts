import { describe, expect, it } from 'vitest';
import { ColumnBatchSink, writeColumnBatch, type ColumnBatch, type ColumnSink } from './columnBatch';
import type { StoredValue } from './loadRows';

/** A sink that keeps the rows it is given, column by column. */
function rowsSink(): ColumnSink & { rows: StoredValue[][] } {
  const rows: StoredValue[][] = [];
  return {
    rows,
    writeColumns: (columns, n) => {
      for (let r = 0; r < n; r++) rows.push(columns.map((column) => (column instanceof Float64Array ? (Number.isNaN(column[r]) ? null : column[r]) : column[r])));
    },
  };
}

describe('column batches between threads', () => {
  it('send repeated texts as codes, each text once over the whole file, and give the same rows back', () => {
    const batches: ColumnBatch[] = [];
    // Columns: person_id (dictionary), offence day (number), a free text (as is).
    const sink = new ColumnBatchSink([false, true, false], 2, (b) => batches.push(b), [true, false, false]);
    const rows: StoredValue[][] = [['P1', 17000, 'a'], ['P2', null, null], ['P1', 17002, 'c'], [null, 17003, 'd'], ['P3', 17004, 'e']];
    for (const row of rows) {
      row.forEach((v, c) => (sink.params[sink.nextRowOffset() + c] = v));
      sink.commitRow();
    }
    sink.flush();
    expect(batches.map((b) => b.columns[0])).toEqual([
      { codes: Int32Array.of(0, 1), added: ['P1', 'P2'] },
      { codes: Int32Array.of(0, -1), added: [] },
      { codes: Int32Array.of(2), added: ['P3'] },
    ]);
    const back = rowsSink();
    const dictionaries: string[][] = [];
    for (const b of batches) writeColumnBatch(b, back, dictionaries);
    expect(back.rows).toEqual(rows);
    // The first and third rows share one string object for P1.
    expect(dictionaries[0]).toEqual(['P1', 'P2', 'P3']);
  });
});
