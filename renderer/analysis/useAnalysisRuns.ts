// The stored runs, the open run, and the analysis job this screen launched: when that job is done, the newest
// run is the one it stored (one job runs at a time), so it is opened.
import { useCallback, useEffect, useState } from 'react';
import type { AppState, RunListEntry } from '../../shared/api';
import type { SpecInput } from '../../shared/engine/analysisSpec';
import type { RunResults } from '../../shared/results/runResults';
import { call } from '../api/client';

/** Survives leaving the section and coming back (the screen unmounts), per store. */
const memory: { storePath: string | null; openRunId: string | null; jobId: string | null } = { storePath: null, openRunId: null, jobId: null };

export interface AnalysisRuns {
  runs: RunListEntry[] | null;
  run: RunResults | null;
  /** Why the list or a run could not be read, or the run could not start. */
  error: string | null;
  /** The launched job, while it runs. */
  jobId: string | null;
  open: (runId: string) => void;
  start: (spec: SpecInput) => void;
  /** Records (text) or withdraws ('') the justification of an analysis of the open run; rejects with the reason. */
  justify: (analysis: string, text: string) => Promise<void>;
}

export function useAnalysisRuns(state: AppState, onOpened: (run: RunResults, fresh: boolean) => void): AnalysisRuns {
  const storePath = state.store?.path ?? null;
  if (memory.storePath !== storePath) Object.assign(memory, { storePath, openRunId: null, jobId: null });
  const [runs, setRuns] = useState<RunListEntry[] | null>(null);
  const [run, setRun] = useState<RunResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(memory.jobId);

  const load = useCallback(
    (runId: string, fresh: boolean) => {
      call('runs.get', { runId }).then(
        (r) => {
          memory.openRunId = runId;
          setRun(r);
          setError(null);
          onOpened(r, fresh);
        },
        (e: Error) => setError(`The run ${runId} could not be read: ${e.message}`),
      );
    },
    [onOpened],
  );

  const refresh = useCallback(() => call('runs.list', {}).then((list) => (setRuns(list), list)), []);

  useEffect(() => {
    refresh().then(
      () => memory.openRunId && load(memory.openRunId, false),
      (e: Error) => setError(`The stored runs could not be listed: ${e.message}`),
    );
    // Once per store: `load` is left out of the dependencies on purpose, opening a run must not re-list.
  }, [storePath, refresh]);

  const job = jobId ? state.jobs.find((j) => j.id === jobId) : undefined;
  useEffect(() => {
    if (!jobId || !job || job.status === 'running') return;
    memory.jobId = null;
    setJobId(null);
    // A failed or cancelled job is reported by the app's job note above the screen.
    // The analysis job's result names the run it stored.
    const runId = (job.result as { runId?: string } | undefined)?.runId;
    if (job.status === 'done' && runId) refresh().then(() => load(runId, true), (e: Error) => setError(e.message));
  }, [jobId, job, refresh, load]);

  const start = useCallback((spec: SpecInput) => {
    setError(null);
    call('analysis.run', { spec }).then(
      ({ jobId: id }) => {
        memory.jobId = id;
        setJobId(id);
      },
      (e: Error) => setError(`The analysis could not start: ${e.message}`),
    );
  }, []);

  const justify = useCallback(
    async (analysis: string, text: string) => {
      if (!run) return;
      setRun(await call('runs.justify', { runId: run.runId, analysis, text }));
    },
    [run],
  );

  return { runs, run, error, jobId, open: (runId) => load(runId, false), start, justify };
}
