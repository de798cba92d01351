// The matching-quality table of METHOD.md section 4 in a grid, its columns grouped by what each figure is computed
// from so that every SMD can be checked by hand: before matching, all treated and the pool (-> SMD before); after
// matching, the matched treated and the weighted comparison group (-> SMD after); then the band, the variance ratio
// and the weighted KS statistic. Headings and figures are the report's (shared/wording/balanceLabels.ts).
// The grid shows the rows the view's filters keep and shares its selected row with the Love plot and the
// distribution panel: a click or moving to a row with the arrow keys selects it. It is one Tab stop: Tab enters on
// the header, the arrow keys move inside (ag-grid's own navigation), the next Tab leaves.
import { useEffect, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef, GridApi, ValueFormatterParams } from 'ag-grid-community';
import { gridTheme } from '../components/gridSetup';
import type { Band } from '../../shared/engine/balance';
import type { BalanceViewRow } from '../../shared/results/balanceView';
import { formatFixed } from '../../shared/format/numberFormat';
import { BALANCE_HEADINGS as H, BALANCE_HEADING_NOTES as N, BAND_WORDS, formatBalanceMean, formatSmd } from '../../shared/wording/balanceLabels';

const meanText = (p: ValueFormatterParams<BalanceViewRow, number | null>) => (p.data ? formatBalanceMean(p.data, p.value ?? null) : '');
const smdText = (p: ValueFormatterParams<BalanceViewRow, number | null>) => formatSmd(p.value ?? null);
const fixedText = (dp: number) => (p: ValueFormatterParams<BalanceViewRow, number | null>) => (p.value === null || p.value === undefined ? '' : formatFixed(p.value, dp));
// Differences matter by size whatever their sign; n/a (an undefined difference) sorts as the largest.
const bySize = (a: number | null, b: number | null) => (a === null ? Infinity : Math.abs(a)) - (b === null ? Infinity : Math.abs(b));
const mean = (field: 'allTreatedMean' | 'poolMean' | 'treatedMean' | 'comparisonMean', headerName: string, headerTooltip: string, width = 94): ColDef<BalanceViewRow> => ({
  field, headerName, headerTooltip, width, type: 'numericColumn', valueFormatter: meanText,
});

const COLUMNS: (ColDef<BalanceViewRow> | ColGroupDef<BalanceViewRow>)[] = [
  { field: 'variable', headerName: 'Variable', width: 160, tooltipField: 'variable', pinned: 'left' },
  { field: 'level', headerName: 'Level', flex: 1, minWidth: 100, tooltipField: 'level', valueFormatter: (p) => p.value ?? '' },
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
      mean('treatedMean', H.matchedTreated, N.matchedTreated, 96),
      mean('comparisonMean', H.comparison, N.comparison, 114),
      { field: 'smdAfter', headerName: H.smdAfter, headerTooltip: N.smdAfter, width: 92, type: 'numericColumn', valueFormatter: smdText, comparator: bySize, sort: 'desc' },
    ],
  },
  {
    field: 'band',
    headerName: H.band,
    headerTooltip: N.band,
    width: 96,
    valueFormatter: (p) => (p.value ? BAND_WORDS[p.value as Band] : ''),
    cellClass: (p) => `band-cell band-${p.value as string}`,
    comparator: (a: Band, b: Band) => ['well', 'reasonably', 'poorly'].indexOf(a) - ['well', 'reasonably', 'poorly'].indexOf(b),
  },
  { field: 'varianceRatio', headerName: H.varianceRatio, headerTooltip: N.varianceRatio, width: 86, type: 'numericColumn', valueFormatter: fixedText(2) },
  { field: 'ksAfter', headerName: H.ksAfter, headerTooltip: N.ksAfter, width: 76, type: 'numericColumn', valueFormatter: fixedText(3) },
];

// Eleven columns fit a 1366 screen only with tighter cell padding than the app's other grids.
const balanceTheme = gridTheme.withParams({ cellHorizontalPadding: 9 });
// A filtered handful of rows (up to FIT_ROWS) is shown at its own height: a 420 px box for two rows pushed the plot
// out of sight. More rows scroll in the fixed height.
const FIT_ROWS = 14;
const fitTheme = balanceTheme.withParams({ autoHeightMinBodyHeight: 0 });

// Tab leaves the grid (the browser's default) instead of walking its cells.
const leaveOnTab = () => false as const;

export function BalanceGrid({ rows, selectedKey, onSelect }: { rows: BalanceViewRow[]; selectedKey: string | null; onSelect: (key: string) => void }) {
  const api = useRef<GridApi<BalanceViewRow> | null>(null);
  // The grid keeps the callbacks it was first given: this ref lets them see the current selection and handler.
  const current = useRef({ selectedKey, onSelect });
  current.current = { selectedKey, onSelect };

  const showSelection = () => {
    const grid = api.current;
    if (!grid) return;
    const key = current.current.selectedKey;
    const node = key === null ? undefined : grid.getRowNode(key);
    if (!node) return grid.deselectAll('all', 'api');
    if (!node.isSelected()) {
      node.setSelected(true, true, 'api');
      grid.ensureNodeVisible(node, 'middle');
    }
  };
  useEffect(showSelection, [selectedKey, rows]);

  // Chosen even when it is the row shown selected: that may be only the stand-in for a chosen row filtered out.
  const choose = (key: string | undefined) => {
    if (key !== undefined) current.current.onSelect(key);
  };
  const fits = rows.length <= FIT_ROWS;
  return (
    <div className={fits ? 'balance-grid fit' : 'balance-grid'} data-testid="balance-grid">
      <AgGridReact<BalanceViewRow>
        theme={fits ? fitTheme : balanceTheme}
        domLayout={fits ? 'autoHeight' : 'normal'}
        rowData={rows}
        columnDefs={COLUMNS}
        defaultColDef={{ sortable: true, resizable: true, wrapHeaderText: true, autoHeaderHeight: true }}
        getRowId={(p) => p.data.key}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: 'enableSelection' }}
        onGridReady={(e) => {
          api.current = e.api;
          showSelection();
        }}
        onRowDataUpdated={showSelection}
        onSelectionChanged={(e) => e.source !== 'api' && choose(e.api.getSelectedRows()[0]?.key)}
        onCellFocused={(e) => typeof e.rowIndex === 'number' && !e.rowPinned && choose(e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.key)}
        tabToNextCell={leaveOnTab}
        tabToNextHeader={leaveOnTab}
        tooltipShowDelay={300}
        overlayNoRowsTemplate="No row is in the bands shown."
      />
    </div>
  );
}
