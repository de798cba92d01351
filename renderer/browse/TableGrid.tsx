// One extract table in an ag-grid on the infinite row model: the store sorts, filters and pages
// (`table.browse`), and the renderer holds only the blocks near the scroll position.
import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { gridTheme } from '../components/gridSetup';
import type { BrowsePage, FileKind } from '../../shared/api';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { formatCount } from '../../shared/format/numberFormat';
import { FILTER_OPS, toApiFilter, toApiSort } from './browseQuery';

type Row = Record<string, string | number | null>;
type ColumnView = BrowsePage['columns'][number];

/** Rows per request; with at most BLOCKS_KEPT blocks cached, memory stays flat however far one scrolls. */
const BLOCK_ROWS = 200;
const BLOCKS_KEPT = 20;

const FILTER_COMPONENT = { text: 'agTextColumnFilter', number: 'agNumberColumnFilter', date: 'agDateColumnFilter' } as const;
// Dates come from the store as YYYY-MM-DD text.
const CELL_TYPE = { text: false, number: 'number', date: 'dateString' } as const;

function columnDef(c: ColumnView): ColDef<Row> {
  return {
    field: c.name,
    headerName: c.name,
    cellDataType: CELL_TYPE[c.type],
    filter: FILTER_COMPONENT[c.type],
    filterParams: { filterOptions: Object.keys(FILTER_OPS[c.type]), maxNumConditions: 1, debounceMs: 400 },
    // A date's floating filter is the browser's date field, which needs the room.
    width: { text: 160, number: 130, date: 180 }[c.type],
    minWidth: 90,
  };
}

const ROW_NUMBER: ColDef<Row> = {
  colId: '#',
  headerName: '#',
  valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1,
  sortable: false,
  filter: false,
  width: 90,
  pinned: 'left',
  cellClass: 'muted',
};

interface Props {
  table: FileKind;
  columns: ColumnView[];
  /** Rows in the table, unfiltered. */
  tableTotal: number;
}

export function TableGrid({ table, columns, tableTotal }: Props) {
  const [matching, setMatching] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const columnDefs = useMemo(() => [ROW_NUMBER, ...columns.map(columnDef)], [columns]);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams) {
        const filter = toApiFilter(params.filterModel);
        call('table.browse', {
          table,
          offset: params.startRow,
          limit: params.endRow - params.startRow,
          sort: toApiSort(params.sortModel),
          filter,
        }).then(
          (page) => {
            setError(null);
            setMatching(filter.length > 0 ? page.total : null);
            params.successCallback(page.rows, page.total);
          },
          (err: Error) => {
            setError(err.message);
            params.failCallback();
          },
        );
      },
    }),
    [table],
  );

  return (
    <>
      <p className="browse-total" data-testid="browse-total" aria-live="polite">
        {matching === null ? (
          <>
            <strong>{formatCount(tableTotal)}</strong> rows
          </>
        ) : (
          <>
            <strong>{formatCount(matching)}</strong> of {formatCount(tableTotal)} rows match the filters
          </>
        )}
        <span className="muted small"> · click a column name to sort (shift-click for a second key); filter in the row under the names</span>
      </p>
      <ErrorNote message={error} />
      <div className="browse-grid" data-testid={`browse-grid-${table}`}>
        <AgGridReact<Row>
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true, floatingFilter: true }}
          cacheBlockSize={BLOCK_ROWS}
          maxBlocksInCache={BLOCKS_KEPT}
          maxConcurrentDatasourceRequests={2}
          blockLoadDebounceMillis={60}
          infiniteInitialRowCount={Math.min(tableTotal, BLOCK_ROWS)}
        />
      </div>
    </>
  );
}
