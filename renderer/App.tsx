import { useAppState } from './api/useAppState';
import { call } from './api/client';
import type { AppState, Section } from '../shared/api';
import { StoreScreen } from './screens/StoreScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ImportScreen } from './screens/ImportScreen';
import { BrowseScreen } from './screens/BrowseScreen';
import { CohortScreen } from './screens/CohortScreen';
import { AnalysisScreen } from './screens/AnalysisScreen';
import { JobProgress } from './components/JobProgress';
import { ErrorNote } from './components/ErrorNote';
import { StoreSessionProvider, useStoreSession } from './session/StoreSession';

export type { Section };

const SECTIONS: { id: Section; label: string; needsExtract: boolean }[] = [
  { id: 'home', label: 'Extract', needsExtract: false },
  { id: 'import', label: 'Import', needsExtract: false },
  { id: 'browse', label: 'Browse data', needsExtract: true },
  { id: 'cohort', label: 'Cohort & funnel', needsExtract: true },
  { id: 'analysis', label: 'Analysis & results', needsExtract: true },
];

export function App() {
  const { state, error, epoch } = useAppState();
  if (error)
    return (
      <main className="welcome">
        <h1>Matchlab</h1>
        <ErrorNote message={error} />
      </main>
    );
  if (!state) return <p className="muted pad">Starting…</p>;
  if (!state.store) return <StoreScreen dataDir={state.dataDir} />;
  // One session per store: what the screens keep starts afresh with another store.
  return (
    <StoreSessionProvider key={state.store.path} state={state} epoch={epoch}>
      <Shell state={state} />
    </StoreSessionProvider>
  );
}

function Shell({ state }: { state: AppState }) {
  const { workspace } = useStoreSession();
  const setSection = (section: Section) => workspace.dispatch({ type: 'section', section });
  const store = state.store!;
  const running = state.jobs.filter((j) => j.status === 'running');
  const lastJob = state.jobs[state.jobs.length - 1];
  const failed = running.length === 0 && lastJob && (lastJob.status === 'failed' || lastJob.status === 'cancelled') ? lastJob : null;
  const hasExtract = store.counts !== null;
  // A section that needs an extract falls back to the first screen when the store has none (e.g. a reload after a
  // failed first import).
  const section = SECTIONS.find((s) => s.id === workspace.state.section && (!s.needsExtract || hasExtract))?.id ?? 'home';
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Matchlab</span>
        <span className="muted small store-path" title={store.path}>
          {store.path}
        </span>
        <button className="secondary small" onClick={() => void call('store.close', {})} disabled={running.length > 0}>
          Close store
        </button>
      </header>
      <div className="frame">
        <nav className="sidenav" aria-label="Sections">
          {SECTIONS.map((s) => (
            <button
              key={s.id}
              className={section === s.id ? 'navitem active' : 'navitem'}
              aria-current={section === s.id ? 'page' : undefined}
              disabled={s.needsExtract && !hasExtract}
              onClick={() => setSection(s.id)}
            >
              {s.label}
            </button>
          ))}
        </nav>
        <main className="content">
          {/* Stays at the top of the window however far the analyst has scrolled, so Cancel is always at hand. */}
          {running.length > 0 && (
            <div className="jobs-sticky">
              {running.map((j) => (
                <JobProgress key={j.id} job={j} />
              ))}
            </div>
          )}
          {failed && failed.kind !== 'import' && <ErrorNote message={`The ${failed.kind} job ${failed.status === 'cancelled' ? 'was cancelled' : 'failed'}: ${failed.error?.message ?? ''}`} />}
          {section === 'home' && <HomeScreen state={state} onNavigate={setSection} />}
          {section === 'import' && <ImportScreen state={state} onDone={() => setSection('cohort')} />}
          {section === 'browse' && <BrowseScreen />}
          {section === 'cohort' && <CohortScreen state={state} />}
          {section === 'analysis' && <AnalysisScreen state={state} />}
        </main>
      </div>
    </div>
  );
}
