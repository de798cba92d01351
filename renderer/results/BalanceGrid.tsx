// The matching-quality table of METHOD.md section 4 in a grid, its columns grouped by what each figure is computed
// from so that every SMD can be checked by hand: before matching, all treated and the pool (-> SMD before); after
// matching, the matched treated and the weighted comparison group (-> SMD after); then the band and the variance
// ratio. Headings and figures are the report's (shared/wording/balanceLabels.ts). A switch keeps only the rows not
// well matched.
import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef, ValueFormatterParams } from 'ag-grid-community';
import { gridTheme } from '../components/gridSetup';
import type { BalanceRow, Band } from '../../shared/engine/balance';
import { formatCount, formatFixed } from '../../shared/format/numberFormat';
import { BALANCE_HEADINGS as H, BALANCE_HEADING_NOTES as N, BALANCE_TABLE_NOTE, BAND_WORDS, formatBalanceMean, formatSmd } from '../../shared/wording/balanceLabels';

const meanText = (p: ValueFormatterParams<BalanceRow, number | null>) => (p.data ? formatBalanceMean(p.data, p.value ?? null) : '');
const smdText = (p: ValueFormatterParams<BalanceRow, number | null>) => formatSmd(p.value ?? null);
// Differences matter by size whatever their sign; n/a (an undefined difference) sorts as the largest.
const bySize = (a: number | null, b: number | null) => (a === null ? Infinity : Math.abs(a)) - (b === null ? Infinity : Math.abs(b));
const mean = (field: 'allTreatedMean' | 'poolMean' | 'treatedMean' | 'comparisonMean', headerName: string, headerTooltip: string, width = 94): ColDef<BalanceRow> => ({
  field, headerName, headerTooltip, width, type: 'numericColumn', valueFormatter: meanText,
});

const COLUMNS: (ColDef<BalanceRow> | ColGroupDef<BalanceRow>)[] = [
  { field: 'variable', headerName: 'Variable', flex: 1.3, minWidth: 130, tooltipField: 'variable', pinned: 'left' },
  { field: 'level', headerName: 'Level', flex: 1.2, minWidth: 100, tooltipField: 'level', valueFormatter: (p) => p.value ?? '' },
  {
    headerName: H.before,
    children: [
      mean('allTreatedMean', H.allTreated, N.allTreated),
      mean('poolMean', H.pool, N.pool, 86),
      { field: 'smdBefore', headerName: H.smdBefore, headerTooltip: N.smdBefore, width: 92, type: 'numericColumn', valueFormatter: smdText, comparator: bySize },
    ],
  },
  {
    headerName: H.after,
    children: [
      mean('treatedMean', H.matchedTreated, N.matchedTreated, 106),
      mean('comparisonMean', H.comparison, N.comparison, 122),
      { field: 'smdAfter', headerName: H.smdAfter, headerTooltip: N.smdAfter, width: 92, type: 'numericColumn', valueFormatter: smdText, comparator: bySize, sort: 'desc' },
    ],
  },
  {
    field: 'band',
    headerName: H.band,
    headerTooltip: N.band,
    width: 118,
    valueFormatter: (p) => (p.value ? BAND_WORDS[p.value as Band] : ''),
    cellClass: (p) => `band-cell band-${p.value as string}`,
    comparator: (a: Band, b: Band) => ['well', 'reasonably', 'poorly'].indexOf(a) - ['well', 'reasonably', 'poorly'].indexOf(b),
  },
  { field: 'varianceRatio', headerName: H.varianceRatio, headerTooltip: N.varianceRatio, width: 100, type: 'numericColumn', valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : formatFixed(p.value, 2)) },
];

export function BalanceGrid({ rows }: { rows: BalanceRow[] }) {
  const [onlyNotWell, setOnlyNotWell] = useState(false);
  const notWell = useMemo(() => rows.filter((r) => r.band !== 'well'), [rows]);
  const shown = onlyNotWell ? notWell : rows;
  return (
    <div className="balance">
      <p className="muted small" data-testid="balance-note">{BALANCE_TABLE_NOTE}</p>
      <div className="balance-bar">
        <label className="check">
          <input type="checkbox" checked={onlyNotWell} onChange={(e) => setOnlyNotWell(e.target.checked)} />
          Only rows not well matched ({formatCount(notWell.length)} of {formatCount(rows.length)})
        </label>
      </div>
      <div className="balance-grid" data-testid="balance-grid">
        <AgGridReact<BalanceRow>
          theme={gridTheme}
          rowData={shown}
          columnDefs={COLUMNS}
          defaultColDef={{ sortable: true, resizable: true, wrapHeaderText: true, autoHeaderHeight: true }}
          getRowId={(p) => `${p.data.variable}|${p.data.level ?? ''}`}
          tooltipShowDelay={300}
          overlayNoRowsTemplate="Every row is well matched."
        />
      </div>
    </div>
  );
}
