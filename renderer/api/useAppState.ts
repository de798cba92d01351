// The app-wide state the service pushes: the open store and the jobs. Screens read it here. When the event channel
// comes back after a break the state is read again and `epoch` goes up, so that screens re-read what they show.
import { useCallback, useEffect, useState } from 'react';
import type { AppState } from '../../shared/api';
import { ApiCallError, call, onEvent, onReconnect } from './client';

export function useAppState(): { state: AppState | null; error: string | null; refresh: () => void; epoch: number } {
  const [state, setState] = useState<AppState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [epoch, setEpoch] = useState(0);
  const refresh = useCallback(() => {
    call('app.state', {}).then(setState, (e: Error) =>
      // Not signed in is said as it is; anything else means the service is not there.
      setError(e instanceof ApiCallError && e.code === 'forbidden' ? e.message : `Matchlab's service cannot be reached: ${e.message}`),
    );
  }, []);
  useEffect(
    () =>
      onReconnect(() => {
        refresh();
        setEpoch((n) => n + 1);
      }),
    [refresh],
  );
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
  return { state, error, refresh, epoch };
}
