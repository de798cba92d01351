// Analysis & results: set up the analyses (presets ready to run), run them as a job, open a stored run, and read
// its matching quality, who was matched to whom, its key findings and Tables 1-7; compare runs side by side. The
// report preview gets its own tab. Where the analyst is, the set-up and the runs are the store session's.
import { useEffect, useState } from 'react';
import type { AnalysisOptions, AppState } from '../../shared/api';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { Tabs, tabElementId } from '../components/Tabs';
import { draftFromSpec } from '../analysis/specDraft';
import { SetupPanel } from '../analysis/SetupPanel';
import { RunsList } from '../analysis/RunsList';
import { runLabel } from '../analysis/runLabel';
import { AnalysisTabs } from '../results/AnalysisTabs';
import { MatchingQuality } from '../results/MatchingQuality';
import { ResultsPanel } from '../results/ResultsPanel';
import { ReportPreview } from '../results/ReportPreview';
import { ReportExport } from '../results/ReportExport';
import { MatchedSetsPanel } from '../matchedSets/MatchedSetsPanel';
import { CompareRuns } from '../compare/CompareRuns';
import { useStoreSession } from '../session/StoreSession';
import type { AnalysisView } from '../session/workspace';

const VIEWS: { id: AnalysisView; label: string; needsRun: boolean }[] = [
  { id: 'setup', label: 'Set up and run', needsRun: false },
  { id: 'matching', label: 'Matching quality', needsRun: true },
  { id: 'sets', label: 'Who was matched', needsRun: true },
  { id: 'results', label: 'Results', needsRun: true },
  { id: 'report', label: 'Report', needsRun: true },
  { id: 'compare', label: 'Compare runs', needsRun: false },
];

export function AnalysisScreen({ state }: { state: AppState }) {
  const { workspace, setup, runs } = useStoreSession();
  const [options, setOptions] = useState<AnalysisOptions | null>(null);
  const [optionsError, setOptionsError] = useState<string | null>(null);
  const busy = state.jobs.some((j) => j.status === 'running');
  const { analysisView: view, analysis: selected } = workspace.state;
  const setView = (v: AnalysisView) => workspace.dispatch({ type: 'view', view: v });
  const setSelected = (name: string) => workspace.dispatch({ type: 'analysis', name });

  // Options depend on the extract and its cohort step: read again when either changes (a job that rewrites them ends;
  // an analysis or a robustness check only reads them).
  const doneJobs = state.jobs.filter((j) => j.status === 'done' && j.kind !== 'analyse' && j.kind !== 'robustness').length;
  useEffect(() => {
    call('analysis.options', {}).then(
      (o) => {
        setOptions(o);
        setOptionsError(null);
      },
      (e: Error) => setOptionsError(e.message),
    );
  }, [doneJobs]);

  // Nothing saved in the store: the presets (saved only once edited).
  const { dispatch: setupDispatch } = setup;
  useEffect(() => {
    if (setup.loaded && options && !setup.state.draft) setupDispatch({ type: 'presets', draft: draftFromSpec(options.presets, options.columns) });
  }, [setup.loaded, setup.state.draft, options, setupDispatch]);

  const run = runs.run;
  const viewTabs = VIEWS.map((v) => ({ id: v.id, label: v.label, disabled: v.needsRun && !run, title: v.needsRun && !run ? 'Run the analysis or open a stored run first' : undefined }));
  const shownView = viewTabs.find((t) => t.id === view && !t.disabled) ? view : 'setup';

  // A fresh run opens on its matching quality. The Run button the user pressed is gone (it was disabled while the job
  // ran, which drops focus): give the keyboard user the view tabs rather than the top of the page. Focus the user
  // moved elsewhere is left alone.
  const { fresh, clearFresh } = runs;
  useEffect(() => {
    if (!fresh || run?.runId !== fresh) return;
    clearFresh();
    if (!document.activeElement || document.activeElement === document.body) document.getElementById(tabElementId('analysis-view', VIEWS.findIndex((v) => v.id === shownView)))?.focus();
  }, [fresh, run, clearFresh, shownView]);

  const openRun = (runId: string) => workspace.dispatch({ type: 'run', runId, analysis: selected, view: view === 'setup' || view === 'compare' ? 'matching' : view });

  if (optionsError) {
    return (
      <section className="analysis">
        <h2>Analysis &amp; results</h2>
        <ErrorNote message={`The analysis cannot be set up: ${optionsError}`} />
      </section>
    );
  }

  const entry = run ? runs.runs?.find((r) => r.runId === run.runId) : undefined;
  return (
    <section className="analysis">
      <h2>Analysis &amp; results</h2>
      {run && (
        <div className="run-bar" data-testid="open-run">
          <span>
            Open run: <strong>{entry ? runLabel(entry) : run.runId}</strong> · {run.spec.organisation} · {run.analyses.map((a) => a.name).join(', ')}
            {entry?.onEarlierImport && <span className="status-pill warn"> made on an earlier import</span>}
          </span>
          <span className="muted small" title="Run id and engine version">
            {run.runId} · engine {run.engineVersion}
          </span>
          <button
            type="button"
            className="secondary small"
            disabled={!options}
            onClick={() => {
              if (options) setup.dispatch({ type: 'discard', what: `Set up again from the run ${entry ? runLabel(entry) : run.runId}.`, draft: draftFromSpec(run.spec, options.columns) });
              setView('setup');
            }}
          >
            Set up again from this run
          </button>
        </div>
      )}
      <ErrorNote message={runs.error} />
      <Tabs items={viewTabs} selected={shownView} onSelect={setView} label="Analysis views" idPrefix="analysis-view">
        {shownView === 'setup' && (
          // Focus leaving a field saves a waiting edit at once: the next thing pressed may close the store.
          <div className="setup-layout" onBlur={setup.flush}>
            {options && setup.state.draft ? (
              <SetupPanel
                notice={setup.error}
                options={options}
                draft={setup.state.draft}
                undo={setup.state.undo}
                onEdit={(draft) => setup.dispatch({ type: 'edit', draft })}
                onDiscard={(what, draft) => setup.dispatch({ type: 'discard', what, draft })}
                onUndo={() => setup.dispatch({ type: 'undo' })}
                busy={busy}
                onRun={runs.start}
              />
            ) : (
              <p className="muted">Reading the cohort’s columns…</p>
            )}
            <aside>{runs.runs && <RunsList runs={runs.runs} openRunId={run?.runId ?? null} onOpen={openRun} actions={runs} />}</aside>
          </div>
        )}
        {shownView === 'matching' && run && (
          <AnalysisTabs names={run.analyses.map((a) => a.name)} headline={run.spec.headline} selected={selected} onSelect={setSelected} label="Analysis" idPrefix="matching-analysis">
            {run.analyses
              .filter((a) => a.name === selected)
              .map((a) => (
                <MatchingQuality key={a.name} analysis={a} bands={run.spec.bands} onJustify={(text) => runs.justify(a.name, text)} />
              ))}
          </AnalysisTabs>
        )}
        {shownView === 'sets' && run && (
          <AnalysisTabs names={run.analyses.map((a) => a.name)} headline={run.spec.headline} selected={selected} onSelect={setSelected} label="Analysis of the matched sets" idPrefix="sets-analysis">
            {run.analyses
              .filter((a) => a.name === selected)
              .map((a) => (
                <MatchedSetsPanel key={`${run.runId}|${a.name}`} runId={run.runId} analysis={a} />
              ))}
          </AnalysisTabs>
        )}
        {shownView === 'results' && run && <ResultsPanel run={run} selected={selected} onSelect={setSelected} onJustify={runs.justify} jobs={state.jobs} />}
        {shownView === 'report' && run && (
          <>
            <ReportExport run={run} dataDir={state.dataDir} />
            <ReportPreview key={run.analyses.map((a) => a.justification?.recordedAt ?? '').join('|')} runId={run.runId} />
          </>
        )}
        {shownView === 'compare' && runs.runs && (
          <CompareRuns runs={runs.runs} chosen={workspace.state.compare} onChoose={(runIds) => workspace.dispatch({ type: 'compare', runIds })} analysis={selected} onAnalysis={setSelected} />
        )}
      </Tabs>
    </section>
  );
}
