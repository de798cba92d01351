// Export of a run: the report (aggregates only) as PDF, HTML or the Excel annex, and, only when
// the analyst ticks that they mean it, the record-level matches or pairs of one analysis.
import { useState } from 'react';
import type { RunResults } from '../../shared/results/runResults';
import { ApiCallError, call, nativeDialogs } from '../api/client';
import { chooseExportTarget } from '../api/fileChoice';
import { ErrorNote } from '../components/ErrorNote';
import { ConfirmDialog } from '../import/ConfirmDialog';

type Format = 'pdf' | 'html' | 'xlsx';
const FORMAT_LABEL: Record<Format, string> = { pdf: 'PDF report', html: 'HTML report', xlsx: 'Excel annex' };

// The two record-level files: one row per record of the analysis, or one per pair matched.
const RECORD_LEVEL = [
  { kind: 'matches', method: 'runs.exportMatches', title: 'Save the matched records', label: 'Export matches CSV', unit: 'records' },
  { kind: 'pairs', method: 'runs.exportPairs', title: 'Save the matched pairs', label: 'Export pairs CSV', unit: 'pairs' },
] as const;

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '-');

export function ReportExport({ run, dataDir }: { run: RunResults; dataDir: string }) {
  const [format, setFormat] = useState<Format>('pdf');
  const [path, setPath] = useState(`${dataDir}/exports/report-${safeName(run.runId)}.pdf`);
  const [analysis, setAnalysis] = useState(run.analyses[0]?.name ?? '');
  const [recordLevelOk, setRecordLevelOk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // An export whose file exists already waits here for the analyst's answer.
  const [replace, setReplace] = useState<{ path: string; run: () => Promise<string> } | null>(null);

  function chooseFormat(f: Format) {
    setFormat(f);
    setPath((p) => p.replace(/\.(pdf|html|xlsx)$/i, `.${f}`));
  }

  type Target = { path: string; overwrite: boolean };
  /**
   * Runs an export to where the analyst chose (the system's save dialog, which asks before
   * replacing, or the typed path); a typed path that names an existing file is asked about here.
   */
  async function exportTo(title: string, typed: string, send: (target: Target) => Promise<string>) {
    let target: Target | null = null;
    await running(async () => {
      try {
        target = await chooseExportTarget(nativeDialogs, title, typed);
        if (target) setDone(await send(target));
      } catch (e) {
        const t = target as Target | null;
        if (e instanceof ApiCallError && e.code === 'exists' && t && !t.overwrite) setReplace({ path: t.path, run: () => send({ path: t.path, overwrite: true }) });
        else throw e;
      }
    });
  }

  async function running(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await work();
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
            void exportTo(`Save the ${FORMAT_LABEL[format]}`, path, async (target) => {
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
          {RECORD_LEVEL.map(({ kind, method, title, label, unit }) => (
            <button
              key={kind}
              className="secondary"
              disabled={busy || !recordLevelOk}
              onClick={() =>
                void exportTo(title, recordLevelPath(kind), async (target) => {
                  const r = await call(method, { runId: run.runId, analysis, ...target });
                  return `Saved ${r.rows.toLocaleString('en-GB')} ${unit} to ${r.path}`;
                })
              }
            >
              {label}
            </button>
          ))}
        </div>
      </details>
      {done && (
        <p className="export-done" role="status">
          {done}
        </p>
      )}
      <ErrorNote message={error} />
      {replace && (
        <ConfirmDialog
          title="Replace the existing file?"
          confirmLabel="Replace it"
          cancelLabel="Keep the existing file"
          onCancel={() => setReplace(null)}
          onConfirm={() => {
            const again = replace.run;
            setReplace(null);
            void running(async () => setDone(await again()));
          }}
        >
          <p>
            <code>{replace.path}</code> already exists. Replacing it writes the new export in its place; the file there now is lost.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
