// Placeholder until the Import screen lands (being built now).
import type { AppState } from '../../shared/api';

export function ImportScreen(_props: { state?: AppState; onDone?: () => void }) {
  return <p className="muted">The Import screen is not built yet.</p>;
}
