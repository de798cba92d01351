// Every submitted participant with what became of them, paged from the store, to answer "why was
// my person left out?": filter by status, find by reference or id, and read the reason of the
// participant in focus in full below the grid.
import { useEffect, useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellFocusedEvent, ColDef, IDatasource } from 'ag-grid-community';
import type { CohortSettingsView, ParticipantRowView } from '../../shared/api';
import { FUNNEL_STEPS } from '../../shared/cohort/funnelSteps';
import { formatCount } from '../../shared/format/numberFormat';
import { call } from '../api/client';
import { gridTheme } from '../components/gridSetup';
import { ErrorNote } from '../components/ErrorNote';
import { statusLabel } from '../../shared/wording/funnelWording';

/** Chips in funnel order, the treatment group first; statuses a later step may add come last. */
function chipOrder(byStatus: Record<string, number>): string[] {
  const known = ['treated', ...FUNNEL_STEPS.slice(1)];
  return [...known, ...Object.keys(byStatus).filter((s) => !known.includes(s)).sort()].filter((s) => (byStatus[s] ?? 0) > 0);
}

const SEARCH_DELAY_MS = 250;

export function ParticipantsGrid(props: {
  settings: CohortSettingsView;
  status: string | null;
  onStatusChange: (status: string | null) => void;
  /** Changes when the derivation is rewritten: the pages are fetched again. */
  version: string;
}) {
  const { settings, status, onStatusChange, version } = props;
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [byStatus, setByStatus] = useState<Record<string, number>>({});
  const [total, setTotal] = useState<number | null>(null);
  const [focused, setFocused] = useState<ParticipantRowView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const t = setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [searchText]);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        call('cohort.participants', { offset: p.startRow, limit: p.endRow - p.startRow, status: status ?? undefined, search: search || undefined }).then(
          (page) => {
            setByStatus(page.byStatus);
            setTotal(page.total);
            setError(null);
            p.successCallback(page.rows, page.total);
          },
          (e: Error) => {
            setError(`The participants could not be listed: ${e.message}`);
            p.failCallback();
          },
        );
      },
    }),
    // `version` is not read: a new datasource makes the grid fetch the same query again after a re-derivation.
    [status, search, version],
  );
  useEffect(() => setFocused(null), [datasource]);

  const columns = useMemo<ColDef<ParticipantRowView>[]>(
    () => [
      { field: 'rowNo', headerName: 'Row', width: 76, headerTooltip: 'Row of the participants file (1 = first data row)' },
      { field: 'participantRef', headerName: 'Participant ref', width: 140 },
      { field: 'personId', headerName: 'Person ID', width: 140, valueFormatter: (p) => p.value ?? '(blank)' },
      {
        field: 'status',
        headerName: 'Status',
        width: 200,
        wrapText: true,
        valueFormatter: (p) => (p.value ? statusLabel(p.value, settings) : ''),
        cellClass: (p) => (p.value ? `status-cell ${p.value === 'treated' ? 'in' : 'out'}` : ''),
      },
      { field: 'reason', headerName: 'Why', flex: 1, minWidth: 280, wrapText: true, tooltipField: 'reason' },
      { field: 'recordId', headerName: 'Record used', width: 130, valueFormatter: (p) => p.value ?? '—', headerTooltip: "The cohort record chosen for the participant's period of participation" },
    ],
    [settings],
  );

  const onCellFocused = (e: CellFocusedEvent<ParticipantRowView>) => {
    const node = e.rowIndex === null ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex);
    if (node?.data) setFocused(node.data);
  };

  const all = Object.values(byStatus).reduce((s, n) => s + n, 0);
  return (
    <div className="participants">
      <div className="chips" role="group" aria-label="Show participants by status">
        <button className={status === null ? 'chip active' : 'chip'} aria-pressed={status === null} onClick={() => onStatusChange(null)}>
          All <span className="chip-count">{formatCount(all)}</span>
        </button>
        {chipOrder(byStatus).map((s) => (
          <button key={s} className={status === s ? 'chip active' : 'chip'} aria-pressed={status === s} onClick={() => onStatusChange(s)} data-testid={`chip-${s}`}>
            {statusLabel(s, settings)} <span className="chip-count">{formatCount(byStatus[s])}</span>
          </button>
        ))}
      </div>
      <div className="participants-bar">
        <label className="participants-search">
          Find a participant
          <input type="search" value={searchText} placeholder="Participant ref, person ID or record ID" onChange={(e) => setSearchText(e.target.value)} />
        </label>
        <span className="muted small" role="status" data-testid="participants-total">
          {total === null ? 'Loading…' : total === 0 ? (status ? 'No participant with this status matches.' : 'No participant matches.') : `${formatCount(total)} participant${total === 1 ? '' : 's'}`}
        </span>
        {total === 0 && status && (
          <button className="linkish" onClick={() => onStatusChange(null)}>
            Look among all participants
          </button>
        )}
      </div>
      <ErrorNote message={error} />
      <div className="participants-grid" data-testid="participants-grid">
        <AgGridReact<ParticipantRowView>
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={200}
          rowHeight={46}
          columnDefs={columns}
          defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
          getRowId={(p) => String(p.data.rowNo)}
          onCellFocused={onCellFocused}
          enableCellTextSelection
          tooltipShowDelay={400}
        />
      </div>
      <div className="participant-detail card" aria-live="polite" data-testid="participant-detail">
        {focused ? (
          <>
            <h3>
              {focused.participantRef} <span className="muted small">row {formatCount(focused.rowNo)} of the participants file</span>
            </h3>
            <p>
              <strong>{statusLabel(focused.status, settings)}.</strong> {focused.reason}
            </p>
            <p className="muted small">
              Person ID: {focused.personId ?? '(blank)'} · Record used: {focused.recordId ?? 'none'}
            </p>
          </>
        ) : (
          <p className="muted small">Click a participant, or move to one with the arrow keys, to read what became of them here.</p>
        )}
      </div>
    </div>
  );
}
