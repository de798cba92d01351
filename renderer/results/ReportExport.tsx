// Export of a run: the report (aggregates only) as PDF, HTML or the Excel annex, and, only when
// the analyst ticks that they mean it, the record-level matches or pairs of one analysis.
import { useState } from 'react';
import type { RunResults } from '../../shared/results/runResults';
import { call, nativeDialogs } from '../api/client';
import { chooseExportTarget } from '../api/fileChoice';
import { ErrorNote } from '../components/ErrorNote';

type Format = 'pdf' | 'html' | 'xlsx';
const FORMAT_LABEL: Record<Format, string> = { pdf: 'PDF report', html: 'HTML report', xlsx: 'Excel annex' };

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '-');

export function ReportExport({ run, dataDir }: { run: RunResults; dataDir: string }) {
  const [format, setFormat] = useState<Format>('pdf');
  const [path, setPath] = useState(`${dataDir}/exports/report-${safeName(run.runId)}.pdf`);
  const [analysis, setAnalysis] = useState(run.analyses[0]?.name ?? '');
  const [recordLevelOk, setRecordLevelOk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function chooseFormat(f: Format) {
    setFormat(f);
    setPath((p) => p.replace(/\.(pdf|html|xlsx)$/i, `.${f}`));
  }

  async function exportWith(action: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await action());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const recordLevelPath = (kind: 'matches' | 'pairs') => `${dataDir}/exports/${kind}-${safeName(run.runId)}-${safeName(analysis)}.csv`;
  return (
    <section className="card export-panel" aria-label="Export">
      <h3>Export</h3>
      <div className="export-row">
        <label>
          What
          <select value={format} onChange={(e) => chooseFormat(e.target.value as Format)}>
            {(Object.keys(FORMAT_LABEL) as Format[]).map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABEL[f]}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Save as
          <input value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        </label>
        <button
          disabled={busy}
          onClick={() =>
            void exportWith(async () => {
              const target = await chooseExportTarget(nativeDialogs, `Save the ${FORMAT_LABEL[format]}`, path);
              if (!target) return null;
              setPath(target.path);
              return `Saved ${(await call('report.export', { runId: run.runId, ...target })).path}`;
            })
          }
        >
          Export
        </button>
      </div>
      <p className="muted small">The report and the annex hold aggregates only. Every export is written to the store's audit log.</p>
      <details>
        <summary>Record-level export (matched records)</summary>
        <p className="small">
          Matches: one row per record of the analysis (record_id, treated, score, weight, and for nearest neighbour without
          replacement MatchIt’s set id). Pairs: one row per treated person and comparison record matched (set, both ids, distance,
          pair weight). These are personal data: export them only where your data-sharing agreement allows it.
        </p>
        <div className="export-row">
          <label>
            Analysis
            <select value={analysis} onChange={(e) => setAnalysis(e.target.value)}>
              {run.analyses.map((a) => (
                <option key={a.name}>{a.name}</option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={recordLevelOk} onChange={(e) => setRecordLevelOk(e.target.checked)} /> I need record-level data
          </label>
          <button
            className="secondary"
            disabled={busy || !recordLevelOk}
            onClick={() =>
              void exportWith(async () => {
                const target = await chooseExportTarget(nativeDialogs, 'Save the matched records', recordLevelPath('matches'));
                if (!target) return null;
                const r = await call('runs.exportMatches', { runId: run.runId, analysis, ...target });
                return `Saved ${r.rows.toLocaleString('en-GB')} records to ${r.path}`;
              })
            }
          >
            Export matches CSV
          </button>
          <button
            className="secondary"
            disabled={busy || !recordLevelOk}
            onClick={() =>
              void exportWith(async () => {
                const target = await chooseExportTarget(nativeDialogs, 'Save the matched pairs', recordLevelPath('pairs'));
                if (!target) return null;
                const r = await call('runs.exportPairs', { runId: run.runId, analysis, ...target });
                return `Saved ${r.rows.toLocaleString('en-GB')} pairs to ${r.path}`;
              })
            }
          >
            Export pairs CSV
          </button>
        </div>
      </details>
      {done && (
        <p className="export-done" role="status">
          {done}
        </p>
      )}
      <ErrorNote message={error} />
    </section>
  );
}
