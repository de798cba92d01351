// How a stored run is named on screen: the analyst's name, else the time it was made.
import type { RunListEntry } from '../../shared/api';
import { formatDateTime } from '../../shared/format/dateFormat';

/** The analyst's name for a run, else its time. */
export function runLabel(r: Pick<RunListEntry, 'name' | 'createdAt'>): string {
  return r.name || formatDateTime(r.createdAt);
}
