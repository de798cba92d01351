// A running job as a progress bar with its phase, an estimate of the time left, and Cancel.
import { useEffect, useState } from 'react';
import type { JobInfo } from '../../shared/api';
import { call } from '../api/client';
import { timeLeft } from './timeLeft';

const PHASE_LABEL: Record<string, string> = {
  starting: 'Starting',
};

export function JobProgress({ job }: { job: JobInfo }) {
  const [, tick] = useState(0);
  // Said at once: the job itself stops at its next progress report, or when a long store statement returns.
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  // Rounded down: a running job never shows 100%.
  const pct = job.total > 0 ? Math.min(100, Math.floor((100 * job.done) / job.total)) : null;
  const left = timeLeft(job);
  return (
    <div className="job" role="status" aria-live="polite" data-testid="job-progress">
      <div className="job-head">
        <strong>{cancelling ? 'Cancelling: the store is left as it was' : (PHASE_LABEL[job.phase] ?? job.phase)}</strong>
        <span className="muted">
          {pct !== null ? `${pct.toFixed(0)}%` : 'working'}
          {left && !cancelling ? ` · ${left}` : ''}
        </span>
        <button
          className="secondary small"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void call('job.cancel', { jobId: job.id });
          }}
        >
          Cancel
        </button>
      </div>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
        <div className={pct === null ? 'bar-fill indeterminate' : 'bar-fill'} style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
    </div>
  );
}
