import { describe, expect, it } from 'vitest';
import { CategoryBuilder, DayBuilder, ExtraBuilder, NumberBuilder, TextBuilder } from './columnBuilders';

describe('column builders', () => {
  it('put the collected values in the given row order', () => {
    const ids = new TextBuilder();
    const days = new DayBuilder();
    const counts = new NumberBuilder('float64');
    ['R3', 'R1', 'R2'].forEach((v) => ids.add(v));
    [30, 10, 20].forEach((v) => days.add(v));
    [3, null, 2].forEach((v) => counts.add(v));
    const order = Int32Array.of(1, 2, 0);
    expect(ids.finish(order).values).toEqual(['R1', 'R2', 'R3']);
    expect([...days.finish(order).values]).toEqual([10, 20, 30]);
    expect([...counts.finish(order).values]).toEqual([NaN, 2, 3]);
    expect([...counts.finish(null).values]).toEqual([3, NaN, 2]);
  });

  it('code categories by the byte order of their names, whatever order they came in; blank is -1', () => {
    const region = new CategoryBuilder();
    ['Wales', 'London', null, 'Wales', '', '\u00C9cosse'].forEach((v) => region.add(v));
    const column = region.finish(null);
    expect(column).toMatchObject({ type: 'int32', levels: ['London', 'Wales', '\u00C9cosse'] });
    expect([...column.values]).toEqual([1, 0, -1, 1, -1, 2]);
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
    expect([...extra.finish(null).values]).toEqual([7, 2.25, NaN]);
    kind = 'categorical';
    expect(extra.finish(null)).toMatchObject({ type: 'int32', levels: ['2.25', '7'] });
  });

  it('grow past their first allocation', () => {
    const days = new DayBuilder();
    for (let k = 0; k < 5000; k++) days.add(k);
    const out = days.finish(null).values;
    expect(out.length).toBe(5000);
    expect(out[4999]).toBe(4999);
  });
});
