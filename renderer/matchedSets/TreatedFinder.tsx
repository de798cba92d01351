// The treated people of an analysis, searchable by participant reference or record id, each with the size of their
// matched set and a button to open it.
import { useEffect, useState } from 'react';
import type { TreatedPage } from '../../shared/api';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { ScrollRegion } from '../components/ScrollRegion';
import { formatCount, formatFixed } from '../../shared/format/numberFormat';

const PAGE = 50;

export function TreatedFinder({ runId, analysis, onOpen, openId }: { runId: string; analysis: string; onOpen: (recordId: string) => void; openId: string | null }) {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<TreatedPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    call('runs.treated', { runId, analysis, offset, limit: PAGE, status: 'matched', search: search.trim() || undefined }).then(
      (p) => current && (setPage(p), setError(null)),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [runId, analysis, offset, search]);
  return (
    <section className="card treated-finder" aria-labelledby="finder-heading" data-testid="treated-finder">
      <h3 id="finder-heading">Matched treated people{page ? ` (${formatCount(page.matched)})` : ''}</h3>
      <label className="finder-search">
        Find a participant or record
        <input
          type="search"
          value={search}
          placeholder="participant reference or record id"
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
      </label>
      <ErrorNote message={error} />
      {page && (
        <ScrollRegion label="Matched treated people" className="sets-scroll">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">Participant</th>
                <th scope="col">Record</th>
                <th scope="col" title="MatchIt's subclass">
                  Set
                </th>
                <th scope="col">Score (logit)</th>
                <th scope="col">Comparison records</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.recordId} className={r.recordId === openId ? 'open' : undefined}>
                  <th scope="row">
                    <button type="button" className="linkish" onClick={() => onOpen(r.recordId)} aria-label={`Open the matched set of ${r.participantRef ?? r.recordId}`}>
                      {r.participantRef ?? r.recordId}
                    </button>
                  </th>
                  <td>
                    <code>{r.recordId}</code>
                  </td>
                  <td className="num">{r.set}</td>
                  <td className="num">{r.score === null ? '' : formatFixed(r.score, 3)}</td>
                  <td className="num">{formatCount(r.setSize)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.total === 0 && <p className="muted small">No matched treated person fits “{search}”.</p>}
        </ScrollRegion>
      )}
      {page && page.total > PAGE && (
        <div className="pager">
          <button type="button" className="secondary small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span className="small muted">
            {formatCount(offset + 1)}–{formatCount(Math.min(offset + PAGE, page.total))} of {formatCount(page.total)}
          </span>
          <button type="button" className="secondary small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </div>
      )}
    </section>
  );
}
