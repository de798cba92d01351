import { describe, expect, it } from 'vitest';
import { ColumnBatchSink, writeColumnBatch, type ColumnBatch } from './columnBatch';
import type { RowSink, StoredValue } from './loadRows';

/** A sink that keeps the rows it is given. */
function rowsSink(width: number): RowSink & { rows: StoredValue[][] } {
  const params: StoredValue[] = new Array(width).fill(null);
  const rows: StoredValue[][] = [];
  return { params, rows, nextRowOffset: () => 0, commitRow: () => rows.push(params.slice()), flush: () => undefined };
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
    const back = rowsSink(3);
    const dictionaries: string[][] = [];
    for (const b of batches) writeColumnBatch(b, back, dictionaries);
    expect(back.rows).toEqual(rows);
    // The first and third rows share one string object for P1.
    expect(dictionaries[0]).toEqual(['P1', 'P2', 'P3']);
  });
});
