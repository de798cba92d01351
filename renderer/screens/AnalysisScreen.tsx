// Analysis & results: set up the analyses (presets ready to run), run them as a job, open a stored run, and read
// its matching quality, its key findings and Tables 1-7. The report preview gets its own tab.
import { useCallback, useEffect, useState } from 'react';
import type { AnalysisOptions, AppState } from '../../shared/api';
import type { RunResults } from '../../shared/results/runResults';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { draftFromSpec, type SpecDraft } from '../analysis/specDraft';
import { SetupPanel } from '../analysis/SetupPanel';
import { RunsList, formatRunTime } from '../analysis/RunsList';
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

/** The draft, the view and the analysis chosen survive leaving the section (the screen unmounts), per store. */
let kept: { storePath: string; draft: SpecDraft | null; view: View; selected: string } | null = null;

export function AnalysisScreen({ state }: { state: AppState }) {
  const storePath = state.store?.path ?? '';
  const [options, setOptions] = useState<AnalysisOptions | null>(null);
  const [optionsError, setOptionsError] = useState<string | null>(null);
  if (kept?.storePath !== storePath) kept = { storePath, draft: null, view: 'setup', selected: '' };
  const [draft, setDraftState] = useState<SpecDraft | null>(kept.draft);
  const [view, setViewState] = useState<View>(kept.view);
  const [selected, setSelectedState] = useState<string>(kept.selected);
  const busy = state.jobs.some((j) => j.status === 'running');

  const setDraft = useCallback((d: SpecDraft) => {
    if (kept) kept.draft = d;
    setDraftState(d);
  }, []);
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
        setDraftState((d) => {
          const next = d ?? draftFromSpec(o.presets, o.columns);
          if (kept) kept.draft = next;
          return next;
        });
      },
      (e: Error) => setOptionsError(e.message),
    );
  }, [storePath, doneJobs]);

  const onOpened = useCallback(
    (run: RunResults, fresh: boolean) => {
      const current = kept?.selected ?? '';
      setSelected(run.analyses.some((a) => a.name === current) ? current : run.spec.headline);
      if (fresh) setView('matching');
    },
    [setView, setSelected],
  );
  const runs = useAnalysisRuns(state, onOpened);
  const run = runs.run;

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
            Open run: <strong>{formatRunTime(run.createdAt)}</strong> · {run.spec.organisation} · {run.analyses.map((a) => a.name).join(', ')}
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
      <div className="tabs" role="tablist" aria-label="Analysis views">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            id={`analysis-view-${v.id}`}
            role="tab"
            type="button"
            aria-selected={view === v.id}
            aria-controls="analysis-panel"
            className={view === v.id ? 'tab active' : 'tab'}
            disabled={v.needsRun && !run}
            title={v.needsRun && !run ? 'Run the analysis or open a stored run first' : undefined}
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <ErrorNote message={runs.error} />
      <div id="analysis-panel" role="tabpanel" aria-labelledby={`analysis-view-${view}`}>
        {view === 'setup' && (
          <div className="setup-layout">
            {options && draft ? (
              <SetupPanel options={options} draft={draft} onDraft={setDraft} busy={busy} onRun={runs.start} />
            ) : (
              <p className="muted">Reading the cohort’s columns…</p>
            )}
            <aside>{runs.runs && <RunsList runs={runs.runs} openRunId={run?.runId ?? null} onOpen={openRun} />}</aside>
          </div>
        )}
        {view === 'matching' && run && (
          <>
            <AnalysisTabs names={run.analyses.map((a) => a.name)} headline={run.spec.headline} selected={selected} onSelect={setSelected} label="Analysis" />
            {run.analyses
              .filter((a) => a.name === selected)
              .map((a) => (
                <MatchingQuality key={a.name} analysis={a} bands={run.spec.bands} />
              ))}
          </>
        )}
        {view === 'results' && run && <ResultsPanel run={run} selected={selected} onSelect={setSelected} />}
        {view === 'report' && run && (
          <>
            <ReportExport run={run} dataDir={state.dataDir} />
            <ReportPreview runId={run.runId} />
          </>
        )}
      </div>
    </section>
  );
}
