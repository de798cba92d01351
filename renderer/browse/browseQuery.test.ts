import { describe, expect, it } from 'vitest';
import { toApiFilter, toApiSort } from './browseQuery';

describe('browse query', () => {
  it('turns the grid sort model into api sort keys, at most five', () => {
    const model = ['a', 'b', 'c', 'd', 'e', 'f'].map((colId, i) => ({ colId, sort: i % 2 ? ('desc' as const) : ('asc' as const) }));
    expect(toApiSort(model)).toEqual([
      { column: 'a', dir: 'asc' },
      { column: 'b', dir: 'desc' },
      { column: 'c', dir: 'asc' },
      { column: 'd', dir: 'desc' },
      { column: 'e', dir: 'asc' },
    ]);
  });

  it('maps text, number and date filters, dropping empty ones', () => {
    expect(
      toApiFilter({
        region: { filterType: 'text', type: 'contains', filter: 'North' },
        prev_offences: { filterType: 'number', type: 'greaterThan', filter: 3 },
        index_date: { filterType: 'date', type: 'lessThan', dateFrom: '2016-04-01 00:00:00' },
        sex: { filterType: 'text', type: 'equals', filter: '' },
        age: { filterType: 'number', type: 'inRange', filter: 3 },
      }),
    ).toEqual([
      { column: 'region', op: 'contains', value: 'North' },
      { column: 'prev_offences', op: 'gt', value: '3' },
      { column: 'index_date', op: 'lt', value: '2016-04-01' },
    ]);
    expect(toApiFilter(null)).toEqual([]);
  });
});
