// The stored runs, the open run (the workspace's runId, read from the store), the analysis job this session
// launched, and what the analyst does to runs: name, note, delete (with undo), restore. When the launched job is
// done its result names the run it stored, which is opened on its matching quality. Lives for the store session, so
// leaving the section and coming back keeps everything; re-reads when the event channel reconnects (`epoch`).
import { useCallback, useEffect, useState } from 'react';
import type { AppState, RunListEntry, Workspace } from '../../shared/api';
import type { SpecInput } from '../../shared/engine/analysisSpec';
import type { RunResults } from '../../shared/results/runResults';
import { call } from '../api/client';
import type { WorkspaceAction } from '../session/workspace';

export interface AnalysisRuns {
  runs: RunListEntry[] | null;
  run: RunResults | null;
  /** Why the list or a run could not be read, or a run could not be started, renamed or deleted. */
  error: string | null;
  /** The launched job, while it runs. */
  jobId: string | null;
  /** The run the launched job stored, until the screen has moved the focus to it. */
  fresh: string | null;
  clearFresh: () => void;
  /** The run just deleted, until it is restored or another is deleted. */
  deleted: RunListEntry | null;
  open: (runId: string) => void;
  start: (spec: SpecInput) => void;
  describe: (runId: string, name: string, note: string) => Promise<boolean>;
  remove: (entry: RunListEntry) => void;
  restore: () => void;
  /** Records (text) or withdraws ('') the justification of an analysis of the open run; rejects with the reason. */
  justify: (analysis: string, text: string) => Promise<void>;
}

export function useAnalysisRuns(state: AppState, workspace: Workspace, dispatch: (a: WorkspaceAction) => void, epoch: number): AnalysisRuns {
  const [runs, setRuns] = useState<RunListEntry[] | null>(null);
  const [run, setRun] = useState<RunResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<RunListEntry | null>(null);

  const refresh = useCallback(
    () =>
      call('runs.list', {}).then(
        (list) => {
          setRuns(list);
          setError(null);
        },
        (e: Error) => setError(`The stored runs could not be listed: ${e.message}`),
      ),
    [],
  );
  // Read again whenever a job ends: an import holds the store while it runs (the list says "busy" meanwhile), and a
  // new import marks the runs made on the one before.
  const ended = state.jobs.filter((j) => j.status !== 'running').length;
  useEffect(() => void refresh(), [refresh, epoch, ended]);

  // The open run follows the workspace (a reload reopens it); one that cannot be read any more is forgotten.
  const openId = workspace.runId;
  useEffect(() => {
    if (!openId) {
      setRun(null);
      return;
    }
    let current = true;
    call('runs.get', { runId: openId }).then(
      (r) => {
        if (!current) return;
        setRun(r);
        setError(null);
      },
      (e: Error) => {
        if (!current) return;
        setRun(null);
        setError(`The run ${openId} could not be read: ${e.message}`);
        dispatch({ type: 'forgetRun', runId: openId });
      },
    );
    return () => {
      current = false;
    };
  }, [openId, epoch, dispatch]);

  // The analysis shown stays when the new run has one of that name; else the run's headline.
  const selected = workspace.analysis;
  useEffect(() => {
    if (run && !run.analyses.some((a) => a.name === selected)) dispatch({ type: 'analysis', name: run.spec.headline });
  }, [run, selected, dispatch]);

  const job = jobId ? state.jobs.find((j) => j.id === jobId) : undefined;
  useEffect(() => {
    if (!job || job.status === 'running') return;
    setJobId(null);
    // A failed or cancelled job is reported by the app's job note above the screen.
    if (job.kind === 'analyse' && job.status === 'done' && job.result) {
      const { runId } = job.result;
      void refresh();
      setFresh(runId);
      dispatch({ type: 'run', runId, analysis: selected, view: 'matching' });
    }
  }, [job, refresh, dispatch, selected]);

  const start = useCallback((spec: SpecInput) => {
    setError(null);
    call('analysis.run', { spec }).then(
      ({ jobId: id }) => setJobId(id),
      (e: Error) => setError(`The analysis could not start: ${e.message}`),
    );
  }, []);

  const describe = useCallback(
    (runId: string, name: string, note: string) =>
      call('runs.describe', { runId, name, note }).then(
        () => (void refresh(), true),
        (e: Error) => (setError(`The run could not be renamed: ${e.message}`), false),
      ),
    [refresh],
  );

  const remove = useCallback(
    (entry: RunListEntry) => {
      call('runs.delete', { runId: entry.runId }).then(
        () => {
          setDeleted(entry);
          dispatch({ type: 'forgetRun', runId: entry.runId });
          void refresh();
        },
        (e: Error) => setError(`The run could not be deleted: ${e.message}`),
      );
    },
    [dispatch, refresh],
  );

  const restore = useCallback(() => {
    if (!deleted) return;
    call('runs.restore', { runId: deleted.runId }).then(
      ({ restored }) => {
        setDeleted(null);
        if (!restored) setError('The run could not be restored: it was removed for good when the store was reopened.');
        void refresh();
      },
      (e: Error) => setError(`The run could not be restored: ${e.message}`),
    );
  }, [deleted, refresh]);

  const justify = useCallback(
    async (analysis: string, text: string) => {
      if (!run) return;
      setRun(await call('runs.justify', { runId: run.runId, analysis, text }));
    },
    [run],
  );

  return {
    runs,
    run: run && run.runId === openId ? run : null,
    error,
    jobId,
    fresh,
    clearFresh: useCallback(() => setFresh(null), []),
    deleted,
    open: useCallback((runId: string) => dispatch({ type: 'run', runId, analysis: selected }), [dispatch, selected]),
    start,
    describe,
    remove,
    restore,
    justify,
  };
}
