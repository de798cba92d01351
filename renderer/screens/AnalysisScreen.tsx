// Placeholder until the Analysis screen lands (being built now).
import type { AppState } from '../../shared/api';

export function AnalysisScreen(_props: { state?: AppState; onDone?: () => void }) {
  return <p className="muted">The Analysis screen is not built yet.</p>;
}
