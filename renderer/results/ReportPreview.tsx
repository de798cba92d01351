// The Report tab: the run's full report (the `report.html` api) shown as it will print, in a sandboxed frame
// (no scripts, nothing reaches the app).
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';

export function ReportPreview({ runId }: { runId: string }) {
  const [html, setHtml] = useState<{ runId: string; html: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('report.html', { runId }).then(
      (r) => setHtml({ runId, html: r.html }),
      (e: Error) => setError(`The report could not be made: ${e.message}`),
    );
  }, [runId]);
  if (error) return <ErrorNote message={error} />;
  if (!html || html.runId !== runId) return <p className="muted">Making the report…</p>;
  return <iframe className="report-frame" title="Report preview" sandbox="" srcDoc={html.html} data-testid="report-frame" />;
}
