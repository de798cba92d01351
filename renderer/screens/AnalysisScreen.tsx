// Analysis & results: set up the analyses (presets ready to run), run them as a job, open a stored run, and read
// its matching quality, its key findings and Tables 1-7. The report preview gets its own tab.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisOptions, AppState } from '../../shared/api';
import type { RunResults } from '../../shared/results/runResults';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { Tabs, tabElementId } from '../components/Tabs';
import { draftFromSpec } from '../analysis/specDraft';
import { useKeptDraft } from '../analysis/useKeptDraft';
import { SetupPanel } from '../analysis/SetupPanel';
import { RunsList } from '../analysis/RunsList';
import { formatDateTime } from '../../shared/format/dateFormat';
import { useAnalysisRuns } from '../analysis/useAnalysisRuns';
import { AnalysisTabs } from '../results/AnalysisTabs';
import { MatchingQuality } from '../results/MatchingQuality';
import { ResultsPanel } from '../results/ResultsPanel';
import { ReportPreview } from '../results/ReportPreview';
import { ReportExport } from '../results/ReportExport';

type View = 'setup' | 'matching' | 'results' | 'report';
const VIEWS: { id: View; label: string; needsRun: boolean }[] = [
  { id: 'setup', label: 'Set up and run', needsRun: false },
  { id: 'matching', label: 'Matching quality', needsRun: true },
  { id: 'results', label: 'Results', needsRun: true },
  { id: 'report', label: 'Report', needsRun: true },
];

/** The view and the analysis chosen survive leaving the section (the screen unmounts), per store; the draft is kept by useKeptDraft. */
let kept: { storePath: string; view: View; selected: string } | null = null;

export function AnalysisScreen({ state }: { state: AppState }) {
  const storePath = state.store?.path ?? '';
  const [options, setOptions] = useState<AnalysisOptions | null>(null);
  const [optionsError, setOptionsError] = useState<string | null>(null);
  if (kept?.storePath !== storePath) kept = { storePath, view: 'setup', selected: '' };
  const { draft, setDraft, flush: saveDraftNow, error: draftError } = useKeptDraft(storePath, options);
  const refocusView = useRef(false);
  const [view, setViewState] = useState<View>(kept.view);
  const [selected, setSelectedState] = useState<string>(kept.selected);
  const busy = state.jobs.some((j) => j.status === 'running');

  const setSelected = useCallback((name: string) => {
    if (kept) kept.selected = name;
    setSelectedState(name);
  }, []);
  const setView = useCallback((v: View) => {
    if (kept) kept.view = v;
    setViewState(v);
  }, []);

  // Options depend on the extract and its cohort step: read again when either changes (a job ends).
  const doneJobs = state.jobs.filter((j) => j.status === 'done' && j.kind !== 'analyse').length;
  useEffect(() => {
    call('analysis.options', {}).then(
      (o) => {
        setOptions(o);
        setOptionsError(null);
      },
      (e: Error) => setOptionsError(e.message),
    );
  }, [storePath, doneJobs]);

  const onOpened = useCallback(
    (run: RunResults, fresh: boolean) => {
      const current = kept?.selected ?? '';
      setSelected(run.analyses.some((a) => a.name === current) ? current : run.spec.headline);
      if (!fresh) return;
      setView('matching');
      // The Run button the user pressed is gone (it was disabled while the job ran, which drops focus): give the
      // keyboard user the view tabs rather than the top of the page. Focus the user moved elsewhere is left alone.
      refocusView.current = !document.activeElement || document.activeElement === document.body;
    },
    [setView, setSelected],
  );
  const runs = useAnalysisRuns(state, onOpened);
  const run = runs.run;
  const viewTabs = VIEWS.map((v) => ({ id: v.id, label: v.label, disabled: v.needsRun && !run, title: v.needsRun && !run ? 'Run the analysis or open a stored run first' : undefined }));

  // After the render that shows the fresh run's view.
  useEffect(() => {
    if (!refocusView.current) return;
    refocusView.current = false;
    document.getElementById(tabElementId('analysis-view', VIEWS.findIndex((v) => v.id === view)))?.focus();
  });

  const openRun = (runId: string) => {
    runs.open(runId);
    if (view === 'setup') setView('matching');
  };

  if (optionsError) {
    return (
      <section className="analysis">
        <h2>Analysis &amp; results</h2>
        <ErrorNote message={`The analysis cannot be set up: ${optionsError}`} />
      </section>
    );
  }

  return (
    <section className="analysis">
      <h2>Analysis &amp; results</h2>
      {run && (
        <div className="run-bar" data-testid="open-run">
          <span>
            Open run: <strong>{formatDateTime(run.createdAt)}</strong> · {run.spec.organisation} · {run.analyses.map((a) => a.name).join(', ')}
          </span>
          <span className="muted small" title="Run id and engine version">
            {run.runId} · engine {run.engineVersion}
          </span>
          <button
            type="button"
            className="secondary small"
            disabled={!options}
            onClick={() => {
              if (options) setDraft(draftFromSpec(run.spec, options.columns));
              setView('setup');
            }}
          >
            Use these settings
          </button>
        </div>
      )}
      <ErrorNote message={runs.error} />
      <Tabs items={viewTabs} selected={view} onSelect={setView} label="Analysis views" idPrefix="analysis-view">
        {view === 'setup' && (
          // Focus leaving a field saves a waiting edit at once: the next thing pressed may close the store.
          <div className="setup-layout" onBlur={saveDraftNow}>
            {options && draft ? (
              <SetupPanel notice={draftError} options={options} draft={draft} onDraft={setDraft} busy={busy} onRun={runs.start} />
            ) : (
              <p className="muted">Reading the cohort’s columns…</p>
            )}
            <aside>{runs.runs && <RunsList runs={runs.runs} openRunId={run?.runId ?? null} onOpen={openRun} />}</aside>
          </div>
        )}
        {view === 'matching' && run && (
          <AnalysisTabs names={run.analyses.map((a) => a.name)} headline={run.spec.headline} selected={selected} onSelect={setSelected} label="Analysis" idPrefix="matching-analysis">
            {run.analyses
              .filter((a) => a.name === selected)
              .map((a) => (
                <MatchingQuality key={a.name} analysis={a} bands={run.spec.bands} onJustify={(text) => runs.justify(a.name, text)} />
              ))}
          </AnalysisTabs>
        )}
        {view === 'results' && run && <ResultsPanel run={run} selected={selected} onSelect={setSelected} onJustify={runs.justify} jobs={state.jobs} />}
        {view === 'report' && run && (
          <>
            <ReportExport run={run} dataDir={state.dataDir} />
            <ReportPreview key={run.analyses.map((a) => a.justification?.recordedAt ?? '').join('|')} runId={run.runId} />
          </>
        )}
      </Tabs>
    </section>
  );
}
