// Placeholder until the Cohort screen lands (being built now).
import type { AppState } from '../../shared/api';

export function CohortScreen(_props: { state?: AppState; onDone?: () => void }) {
  return <p className="muted">The Cohort screen is not built yet.</p>;
}
