// ag-grid's sort and filter models as the `table.browse` request's sort and filter.
import type { ApiArgs } from '../../shared/api';

type BrowseArgs = ApiArgs<'table.browse'>;
export type BrowseSortArg = NonNullable<BrowseArgs['sort']>[number];
export type BrowseFilterArg = NonNullable<BrowseArgs['filter']>[number];

/** The filter options each column type offers (grid option key -> api op). */
export const FILTER_OPS = {
  text: { contains: 'contains', equals: 'equals' },
  number: { equals: 'equals', greaterThan: 'gt', lessThan: 'lt' },
  date: { equals: 'equals', greaterThan: 'gt', lessThan: 'lt' },
} as const;

const OPS: Record<string, BrowseFilterArg['op']> = { ...FILTER_OPS.text, ...FILTER_OPS.number };
/** The api accepts this many sort keys. */
const MAX_SORT = 5;

export function toApiSort(sortModel: readonly { colId: string; sort: 'asc' | 'desc' }[]): BrowseSortArg[] {
  return sortModel.slice(0, MAX_SORT).map((s) => ({ column: s.colId, dir: s.sort }));
}

interface SimpleModel {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  dateFrom?: string | null;
}

/** One condition per column (the grid is set to one); empty conditions are left out. */
export function toApiFilter(filterModel: Record<string, SimpleModel> | null | undefined): BrowseFilterArg[] {
  const out: BrowseFilterArg[] = [];
  for (const [column, m] of Object.entries(filterModel ?? {})) {
    const op = m.type ? OPS[m.type] : undefined;
    // The date filter sends "YYYY-MM-DD" or "YYYY-MM-DD hh:mm:ss": the store compares whole days.
    const value = m.filterType === 'date' ? (m.dateFrom ?? '').slice(0, 10) : m.filter === null || m.filter === undefined ? '' : String(m.filter);
    if (op && value.trim() !== '') out.push({ column, op, value });
  }
  return out;
}
