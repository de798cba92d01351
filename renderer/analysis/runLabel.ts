// How a stored run is named on screen: the analyst's name, else the time it was made, to the minute. Two runs made in
// the same minute (trial and error is quick) would read alike in the runs list and in Compare: those get their
// seconds (a named pair, its time), and runs that still read alike get their number in the store (1 = the first).
import type { RunListEntry } from '../../shared/api';
import { formatDateTime, formatDateTimeSeconds } from '../../shared/format/dateFormat';

type Labelled = Pick<RunListEntry, 'runId' | 'name' | 'createdAt'>;

/** The analyst's name for a run, else its time. */
export function runLabel(r: Pick<RunListEntry, 'name' | 'createdAt'>): string {
  return r.name || formatDateTime(r.createdAt);
}

/** Labels that tell every run of the list apart; a run not in the list gets its plain label. */
export function runLabels(runs: readonly Labelled[]): (r: Pick<RunListEntry, 'runId' | 'name' | 'createdAt'>) => string {
  const byAge = [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.runId.localeCompare(b.runId));
  const number = new Map(byAge.map((r, k) => [r.runId, k + 1]));
  const levels: ((r: Labelled) => string)[] = [
    runLabel,
    (r) => (r.name ? `${r.name}, ${formatDateTime(r.createdAt)}` : formatDateTimeSeconds(r.createdAt)),
    (r) => `${levels[1](r)} (run ${number.get(r.runId)})`,
  ];
  const label = new Map<string, string>();
  let pending = [...runs];
  for (const [k, level] of levels.entries()) {
    const counts = new Map<string, number>();
    for (const r of runs) counts.set(level(r), (counts.get(level(r)) ?? 0) + 1);
    const last = k === levels.length - 1;
    pending = pending.filter((r) => {
      if (!last && counts.get(level(r))! > 1) return true;
      label.set(r.runId, level(r));
      return false;
    });
  }
  return (r) => label.get(r.runId) ?? runLabel(r);
}
