import { useAppState } from './api/useAppState';
import { call } from './api/client';
import { StoreScreen } from './screens/StoreScreen';
import { HomeScreen } from './screens/HomeScreen';
import { JobProgress } from './components/JobProgress';
import { ErrorNote } from './components/ErrorNote';

export function App() {
  const { state, error } = useAppState();
  if (error) return <ErrorNote message={`Matchlab's service cannot be reached: ${error}`} />;
  if (!state) return <p className="muted pad">Starting…</p>;
  if (!state.store) return <StoreScreen dataDir={state.dataDir} />;
  const running = state.jobs.filter((j) => j.status === 'running');
  const lastFailed = [...state.jobs].reverse().find((j) => j.status === 'failed' || j.status === 'cancelled');
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Matchlab</span>
        <span className="muted small store-path" title={state.store.path}>
          {state.store.path}
        </span>
        <button className="secondary small" onClick={() => void call('store.close', {})} disabled={running.length > 0}>
          Close store
        </button>
      </header>
      <main className="content">
        {running.map((j) => (
          <JobProgress key={j.id} job={j} />
        ))}
        {running.length === 0 && lastFailed && <ErrorNote message={`${lastFailed.kind} ${lastFailed.status}: ${lastFailed.error?.message ?? ''}`} />}
        <HomeScreen state={state} />
      </main>
    </div>
  );
}
