import { describe, expect, it } from 'vitest';
import type { StoredColumn } from './columnTables';
import { addColumn, EncodedTextBuilder, CategoryBuilder, compactNumbers, DayBuilder, ExtraBuilder, NumberBuilder, rowOrder, TextBuilder } from './columnBuilders';
import { widenNumbers, type CompactNumbers } from '../../shared/engine/column';

/** A stored numeric column's values as doubles, NaN for a blank. */
const storedNumbers = (c: { values: unknown }): Float64Array => widenNumbers(c.values as Float64Array | CompactNumbers);

describe('column builders', () => {
  it('put the collected values in the given row order', () => {
    const ids = new TextBuilder();
    const days = new DayBuilder();
    const counts = new NumberBuilder('float64');
    ['R3', 'R1', 'R2'].forEach((v) => ids.add(v));
    [30, 10, 20].forEach((v) => days.add(v));
    [3, null, 2].forEach((v) => counts.add(v));
    const order = rowOrder(Int32Array.of(1, 2, 0));
    expect(ids.finish(order)).toEqual({ type: 'text', encoded: Buffer.from('R1\0R2\0R3'), rows: 3 });
    expect(days.finish(order)).toEqual({ type: 'int32', values: Int32Array.of(10, 20, 30) });
    expect([...storedNumbers(counts.finish(order) as StoredColumn)]).toEqual([NaN, 2, 3]);
    expect([...storedNumbers(counts.finish(null) as StoredColumn)]).toEqual([3, NaN, 2]);
  });

  it('code categories by the byte order of their names, whatever order they came in; blank is -1', () => {
    const region = new CategoryBuilder();
    ['Wales', 'London', null, 'Wales', '', '\u00C9cosse'].forEach((v) => region.add(v));
    expect(region.finish(null)).toEqual({ type: 'int32', levels: ['London', 'Wales', '\u00C9cosse'], values: Int32Array.of(1, 0, -1, 1, -1, 2) });
  });

  it('take a batch column at once as they take its values one by one (NaN a blank), the first `rows` of it only', () => {
    const numbers = Float64Array.of(4, NaN, 0, 2, 9);
    const makers = [() => new NumberBuilder('float64'), () => new NumberBuilder('uint8'), () => new CategoryBuilder()];
    for (const make of makers) {
      const byColumn = make();
      const byValue = make();
      addColumn(byColumn, numbers, 4);
      [4, null, 0, 2].forEach((v) => byValue.add(v));
      expect(byColumn.finish(null)).toEqual(byValue.finish(null));
    }
    const days = new DayBuilder();
    addColumn(days, Float64Array.of(17000, 17001, 17002), 2);
    expect(days.finish(null)).toEqual({ type: 'int32', values: Int32Array.of(17000, 17001) });
    const texts = new TextBuilder();
    addColumn(texts, ['R2', null, 'R9'], 3);
    expect(texts.finish(null)).toEqual({ type: 'text', encoded: Buffer.from('R2\0\0R9'), rows: 3 });
  });

  it('store flags as bytes with blank as 0', () => {
    const pnd = new NumberBuilder('uint8');
    [1, null, 0].forEach((v) => pnd.add(v));
    expect(pnd.finish(null)).toEqual({ type: 'uint8', values: Uint8Array.of(1, 0, 0) });
  });

  it('type an extra column once every value is in: numbers, or categories kept as their text', () => {
    let kind: 'numeric' | 'categorical' = 'numeric';
    const extra = new ExtraBuilder(() => kind);
    [BigInt(7), '2.25', null].forEach((v) => extra.add(v));
    expect([...storedNumbers(extra.finish(null) as StoredColumn)]).toEqual([7, 2.25, NaN]);
    kind = 'categorical';
    expect(extra.finish(null)).toMatchObject({ type: 'int32', levels: ['2.25', '7'] });
  });

  it('grow past their first allocation', () => {
    const days = new DayBuilder();
    for (let k = 0; k < 5000; k++) days.add(k);
    const out = (days.finish(null) as StoredColumn).values;
    expect(out.length).toBe(5000);
    expect(out[4999]).toBe(4999);
  });

  it('keep small whole numbers in one or two bytes, the smallest value of the type marking a blank, and read them back', () => {
    const flags = compactNumbers(Float64Array.of(0, 1, NaN, 127));
    expect(flags).toEqual({ type: 'int8', values: Int8Array.of(0, 1, -128, 127) });
    expect([...storedNumbers(flags)]).toEqual([0, 1, NaN, 127]);
    const counts = compactNumbers(Float64Array.of(-128, 300, NaN));
    expect(counts).toEqual({ type: 'int16', values: Int16Array.of(-128, 300, -32768) });
    expect([...storedNumbers(counts)]).toEqual([-128, 300, NaN]);
    for (const kept of [Float64Array.of(0.5, 1), Float64Array.of(40000), Float64Array.of(-0, 1)]) {
      expect(compactNumbers(kept)).toEqual({ type: 'float64', values: kept });
    }
  });

  it('keep texts as UTF-8 bytes, joined by NUL in the given order', () => {
    const persons = new EncodedTextBuilder();
    ['P2', '', 'Zo\u00EB'].forEach((v) => persons.add(v));
    const out = persons.finish(rowOrder(Int32Array.of(2, 0, 1)));
    expect(out).toEqual({ type: 'text', encoded: Buffer.from('Zo\u00EB\0P2\0', 'utf8'), rows: 3 });
    for (let k = 0; k < 30_000; k++) persons.add(`P${k}`);
    expect(persons.finish(null)).toMatchObject({ rows: 30_003 });
  });
});
