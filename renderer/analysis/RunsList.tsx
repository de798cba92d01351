// The runs stored in this store, newest first, each one a button to open it.
import type { RunListEntry } from '../../shared/api';
import { formatDateTime } from '../../shared/format/dateFormat';


export function RunsList({ runs, openRunId, onOpen }: { runs: RunListEntry[]; openRunId: string | null; onOpen: (runId: string) => void }) {
  return (
    <section className="card runs-list" aria-labelledby="runs-heading" data-testid="runs-list">
      <h3 id="runs-heading">Stored runs</h3>
      {runs.length === 0 ? (
        <p className="muted small">No run yet: set up the analyses and press “Run analysis”.</p>
      ) : (
        <ul>
          {runs.map((r) => (
            <li key={r.runId} className={r.runId === openRunId ? 'open' : undefined} data-testid="run-entry">
              <button type="button" className="run-button" onClick={() => onOpen(r.runId)} aria-current={r.runId === openRunId ? 'true' : undefined} title={r.runId}>
                <span className="run-time">{formatDateTime(r.createdAt)}</span>
                <span className="muted small">{r.analyses.join(', ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
