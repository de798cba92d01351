// The runs stored in this store, newest first: each one opens with a click, and can be named, given a note and
// deleted (with Undo until another run is deleted). Runs made on an earlier import are marked: their treatment group
// and pool came from another extract.
import { useId, useState } from 'react';
import type { RunListEntry } from '../../shared/api';
import type { AnalysisRuns } from './useAnalysisRuns';
import { runLabel } from './runLabel';
import { formatDateTime } from '../../shared/format/dateFormat';

interface Props {
  runs: RunListEntry[];
  openRunId: string | null;
  onOpen: (runId: string) => void;
  actions: Pick<AnalysisRuns, 'describe' | 'remove' | 'restore' | 'deleted'>;
}

export function RunsList({ runs, openRunId, onOpen, actions }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card runs-list" aria-labelledby="runs-heading" data-testid="runs-list">
      <h3 id="runs-heading">Stored runs</h3>
      {actions.deleted && (
        <p className="undo-note" role="status">
          Deleted the run {runLabel(actions.deleted)}.{' '}
          <button type="button" className="secondary small" onClick={actions.restore} data-testid="undo-delete-run">
            Undo
          </button>
        </p>
      )}
      {runs.length === 0 ? (
        <p className="muted small">No run yet: set up the analyses and press “Run analysis”.</p>
      ) : (
        <ul>
          {runs.map((r) => (
            <li key={r.runId} className={r.runId === openRunId ? 'open' : undefined} data-testid="run-entry">
              <button type="button" className="run-button" onClick={() => onOpen(r.runId)} aria-current={r.runId === openRunId ? 'true' : undefined} title={r.runId}>
                <span className="run-time">{runLabel(r)}</span>
                {r.name && <span className="muted small">{formatDateTime(r.createdAt)}</span>}
                <span className="muted small">{r.analyses.join(', ')}</span>
                {r.onEarlierImport && <span className="status-pill warn small">made on an earlier import</span>}
              </button>
              {r.note && editing !== r.runId && <p className="small run-note">{r.note}</p>}
              {editing === r.runId ? (
                <RunDescription entry={r} onSave={(name, note) => actions.describe(r.runId, name, note).then((ok) => ok && setEditing(null))} onCancel={() => setEditing(null)} />
              ) : (
                <div className="run-actions">
                  <button type="button" className="linkish small" onClick={() => setEditing(r.runId)} aria-label={`Name or note the run ${runLabel(r)}`}>
                    Name / note
                  </button>
                  <button type="button" className="linkish small" onClick={() => actions.remove(r)} aria-label={`Delete the run ${runLabel(r)}`}>
                    Delete
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RunDescription({ entry, onSave, onCancel }: { entry: RunListEntry; onSave: (name: string, note: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(entry.name);
  const [note, setNote] = useState(entry.note);
  const id = useId();
  return (
    <form
      className="run-describe"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(name, note);
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <label htmlFor={`${id}-name`}>Run name</label>
      <input id={`${id}-name`} value={name} maxLength={100} placeholder={formatDateTime(entry.createdAt)} onChange={(e) => setName(e.target.value)} autoFocus />
      <label htmlFor={`${id}-note`}>Note</label>
      <textarea id={`${id}-note`} value={note} maxLength={2000} rows={3} onChange={(e) => setNote(e.target.value)} />
      <div className="run-actions">
        <button type="submit" className="small">
          Save
        </button>
        <button type="button" className="secondary small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
