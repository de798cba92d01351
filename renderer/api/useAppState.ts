// The app-wide state the service pushes: the open store and the jobs. Screens read it here.
import { useCallback, useEffect, useState } from 'react';
import type { AppState } from '../../shared/api';
import { ApiCallError, call, onEvent } from './client';

export function useAppState(): { state: AppState | null; error: string | null; refresh: () => void } {
  const [state, setState] = useState<AppState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    call('app.state', {}).then(setState, (e: Error) =>
      // Not signed in is said as it is; anything else means the service is not there.
      setError(e instanceof ApiCallError && e.code === 'forbidden' ? e.message : `Matchlab's service cannot be reached: ${e.message}`),
    );
  }, []);
  useEffect(() => {
    refresh();
    return onEvent((event) => {
      setState((s) => {
        if (!s) return s;
        if (event.type === 'store') return { ...s, store: event.store };
        const others = s.jobs.filter((j) => j.id !== event.job.id);
        return { ...s, jobs: [...others, event.job] };
      });
    });
  }, [refresh]);
  return { state, error, refresh };
}
