// The stored cohort derivation, fetched again whenever a job that rewrites it (import, demo,
// derive) finishes, so the screen always shows the settings and funnel in force.
import { useEffect, useState } from 'react';
import type { AppState, CohortView } from '../../shared/api';
import { call } from '../api/client';

const REWRITING_JOBS = new Set(['import', 'demo', 'derive']);

export function useCohortView(state: AppState): { view: CohortView | null; error: string | null; version: string } {
  const [view, setView] = useState<CohortView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Changes when such a job finishes: the ids of the finished ones.
  const version = state.jobs
    .filter((j) => REWRITING_JOBS.has(j.kind) && j.status === 'done')
    .map((j) => j.id)
    .join(',');
  useEffect(() => {
    let live = true;
    call('cohort.get', {}).then(
      (v) => {
        if (!live) return;
        setView(v);
        setError(null);
      },
      (e: Error) => live && setError(`The cohort step's results could not be read: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return { view, error, version };
}
