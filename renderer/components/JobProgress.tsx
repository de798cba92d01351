// A running job as a progress bar with its phase, an estimate of the time left, and Cancel.
import { useEffect, useRef, useState } from 'react';
import type { JobInfo } from '../../shared/api';
import { call } from '../api/client';

const PHASE_LABEL: Record<string, string> = {
  starting: 'Starting',
};

function timeLeft(job: JobInfo, startedMs: number): string | null {
  if (job.total <= 0 || job.done <= 0 || job.done >= job.total) return null;
  const elapsed = (Date.now() - startedMs) / 1000;
  const secs = Math.round((elapsed * (job.total - job.done)) / job.done);
  if (elapsed < 2) return null;
  return secs < 60 ? `about ${secs} s left` : `about ${Math.round(secs / 60)} min left`;
}

export function JobProgress({ job }: { job: JobInfo }) {
  // Time left is estimated per phase: phases run at different speeds.
  const phaseStart = useRef({ phase: job.phase, at: Date.now() });
  if (phaseStart.current.phase !== job.phase) phaseStart.current = { phase: job.phase, at: Date.now() };
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  const pct = job.total > 0 ? Math.min(100, (100 * job.done) / job.total) : null;
  const left = timeLeft(job, phaseStart.current.at);
  return (
    <div className="job" role="status" aria-live="polite" data-testid="job-progress">
      <div className="job-head">
        <strong>{PHASE_LABEL[job.phase] ?? job.phase}</strong>
        <span className="muted">
          {pct !== null ? `${pct.toFixed(0)}%` : 'working'}
          {left ? ` · ${left}` : ''}
        </span>
        <button className="secondary small" onClick={() => void call('job.cancel', { jobId: job.id })}>
          Cancel
        </button>
      </div>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
        <div className={pct === null ? 'bar-fill indeterminate' : 'bar-fill'} style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
    </div>
  );
}
