// A failed import's located problems (file, row, line, column, value, message), exportable as CSV.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { gridTheme } from '../components/gridSetup';
import type { ImportProblem } from '../../shared/api';
import { formatCount } from '../../shared/format/numberFormat';
import { problemsCsv } from './problemsCsv';

const COLUMNS: ColDef<ImportProblem>[] = [
  { field: 'file', headerName: 'File', width: 160 },
  { field: 'row', headerName: 'Row', width: 90, type: 'numericColumn' },
  { field: 'line', headerName: 'Line', width: 90, type: 'numericColumn' },
  { field: 'column', headerName: 'Column', width: 160 },
  { field: 'value', headerName: 'Value', width: 150 },
  { field: 'message', headerName: 'Problem', flex: 1, minWidth: 280, wrapText: true, autoHeight: true },
];

const FIT_ROWS = 10;
// ag-grid's auto height keeps 150px of rows by default: two problems need no blank box under them.
const fitTheme = gridTheme.withParams({ autoHeightMinBodyHeight: 0 });

function downloadCsv(problems: readonly ImportProblem[]) {
  const url = URL.createObjectURL(new Blob([problemsCsv(problems)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'import-problems.csv';
  a.click();
  // The click has queued the download; the object URL can go once it has started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ProblemGrid({ problems, total }: { problems: ImportProblem[]; total: number }) {
  const shown = problems.length;
  return (
    <div className="problems" data-testid="import-problems">
      <div className="problems-head">
        <p className="problems-count">
          {shown < total
            ? `Showing the first ${formatCount(shown)} of ${formatCount(total)} problems.`
            : `${formatCount(total)} problem${total === 1 ? '' : 's'}.`}{' '}
          <span className="muted small">Rows count from 1 at the first data row; the line is the line in the file.</span>
        </p>
        <button type="button" className="secondary small" onClick={() => downloadCsv(problems)}>
          Export problems as CSV
        </button>
      </div>
      {/* A handful of problems fit without an empty box under them; more scroll in a fixed height. */}
      <div className={problems.length <= FIT_ROWS ? 'problems-grid fit' : 'problems-grid'}>
        <AgGridReact<ImportProblem>
          theme={problems.length <= FIT_ROWS ? fitTheme : gridTheme}
          rowData={problems}
          columnDefs={COLUMNS}
          defaultColDef={{ sortable: true, resizable: true }}
          domLayout={problems.length <= FIT_ROWS ? 'autoHeight' : 'normal'}
        />
      </div>
    </div>
  );
}
