// Placeholder until the Browse screen lands (being built now).
import type { AppState } from '../../shared/api';

export function BrowseScreen(_props: { state?: AppState; onDone?: () => void }) {
  return <p className="muted">The Browse screen is not built yet.</p>;
}
