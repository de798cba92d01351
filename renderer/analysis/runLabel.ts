// How a stored run is named on screen: the analyst's name, else the time it was made.
import type { RunListEntry } from '../../shared/api';

/** "25 Nov 2026, 10:42:07" in the analyst's local time; seconds tell apart runs made a minute apart. */
export function formatRunTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** The analyst's name for a run, else its time. */
export function runLabel(r: Pick<RunListEntry, 'name' | 'createdAt'>): string {
  return r.name || formatRunTime(r.createdAt);
}
