// The matching-quality table of METHOD.md section 4 in a grid: means, standardised differences before and after
// (sorted by size), the band, the variance ratio; a switch keeps only the rows not well matched.
import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { gridTheme } from '../components/gridSetup';
import type { BalanceRow, Band } from '../../shared/engine/balance';
import { formatCount, formatFixed, formatSigned } from '../../shared/format/numberFormat';

const BAND_LABEL: Record<Band, string> = { well: 'well', reasonably: 'reasonably', poorly: 'poorly' };

/** Shares of a level (0/1 rows) read best as %, other means in their units. */
function meanText(p: ValueFormatterParams<BalanceRow, number | null>): string {
  const v = p.value;
  if (v === null || v === undefined) return 'n/a';
  return p.data?.level !== null && p.data?.level !== undefined ? `${formatFixed(v * 100, 1)}%` : formatFixed(v, 2);
}

const smdText = (p: ValueFormatterParams<BalanceRow, number | null>) => (p.value === null || p.value === undefined ? 'n/a' : formatSigned(p.value, 1));
// Differences matter by size whatever their sign; n/a (an undefined difference) sorts as the largest.
const bySize = (a: number | null, b: number | null) => (a === null ? Infinity : Math.abs(a)) - (b === null ? Infinity : Math.abs(b));

const COLUMNS: ColDef<BalanceRow>[] = [
  { field: 'variable', headerName: 'Variable', flex: 1.3, minWidth: 170, tooltipField: 'variable' },
  { field: 'level', headerName: 'Level', flex: 1.4, minWidth: 150, tooltipField: 'level', valueFormatter: (p) => p.value ?? '' },
  { field: 'treatedMean', headerName: 'Treated mean', headerTooltip: 'Mean over the matched treatment group', width: 100, type: 'numericColumn', valueFormatter: meanText },
  { field: 'poolMean', headerName: 'Pool mean', headerTooltip: 'Unweighted mean over the whole comparison pool', width: 100, type: 'numericColumn', valueFormatter: meanText },
  { field: 'comparisonMean', headerName: 'Comparison mean', headerTooltip: 'Weighted mean over the matched comparison group', width: 122, type: 'numericColumn', valueFormatter: meanText },
  { field: 'smdBefore', headerName: 'SMD before', headerTooltip: 'Standardised difference (%) between all treated and the pool; sorts by size', width: 96, type: 'numericColumn', valueFormatter: smdText, comparator: bySize },
  { field: 'smdAfter', headerName: 'SMD after', headerTooltip: 'Standardised difference (%) after matching; sorts by size', width: 96, type: 'numericColumn', valueFormatter: smdText, comparator: bySize, sort: 'desc' },
  {
    field: 'band',
    headerName: 'Matched', headerTooltip: 'Band of |SMD after|: well, reasonably (well) or poorly matched',
    width: 145,
    valueFormatter: (p) => (p.value ? BAND_LABEL[p.value as Band] : ''),
    cellClass: (p) => `band-cell band-${p.value as string}`,
    comparator: (a: Band, b: Band) => ['well', 'reasonably', 'poorly'].indexOf(a) - ['well', 'reasonably', 'poorly'].indexOf(b),
  },
  { field: 'varianceRatio', headerName: 'Variance ratio', headerTooltip: 'Treated variance / weighted comparison variance, for numeric covariates', width: 96, type: 'numericColumn', valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : formatFixed(p.value, 2)) },
];

export function BalanceGrid({ rows }: { rows: BalanceRow[] }) {
  const [onlyNotWell, setOnlyNotWell] = useState(false);
  const notWell = useMemo(() => rows.filter((r) => r.band !== 'well'), [rows]);
  const shown = onlyNotWell ? notWell : rows;
  return (
    <div className="balance">
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
