// State a screen edits, owned by one reducer and kept in the store (api `kept.get` / `kept.save`), so that a reload,
// closing the app or switching sections loses nothing. The saved value is read once when the store session starts;
// every later state is saved 500 ms after the last change (typing a name saves once, not per key), at once by
// `flush` (the screens call it when focus leaves a field, so "Close store" comes after the save), when the page is
// hidden and when the session ends.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { KeptKind } from '../../shared/api';
import { ApiCallError, call } from '../api/client';

/** Time after the last change before the state is saved. */
export const KEPT_SAVE_DELAY_MS = 500;
const BUSY_RETRY_MS = 1000;

export interface Kept<S, A> {
  state: S;
  dispatch: (action: A) => void;
  /** False until the saved value has been read (or found missing or unreadable); nothing is saved before. */
  loaded: boolean;
  /** The store is busy with an import: the defaults are shown meanwhile and the read is tried again. */
  waiting: boolean;
  /** Sends a waiting save at once. */
  flush: () => void;
  /** Why the saved value could not be read, or the state could not be saved. */
  error: string | null;
}

interface Persistence<S> {
  kind: KeptKind;
  /** The state a saved value stands for; null when it cannot be read (another version's, or damaged). */
  read: (saved: unknown) => S | null;
  /** What to save for a state, or undefined when there is nothing worth saving yet. */
  write: (state: S) => unknown;
  /** What the screen says when a saved value could not be read. */
  unreadable: string;
}

type Wrapped<S, A> = { type: '@loaded'; state: S } | { type: '@action'; action: A };

export function useKeptReducer<S, A>(reducer: (state: S, action: A) => S, initial: S, persistence: Persistence<S>): Kept<S, A> {
  const { kind, read, write, unreadable } = persistence;
  const [state, dispatchWrapped] = useReducer((s: S, w: Wrapped<S, A>) => (w.type === '@loaded' ? w.state : reducer(s, w.action)), initial);
  const [loaded, setLoaded] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ value: unknown; timer: ReturnType<typeof setTimeout> } | null>(null);
  // The state the load put in place is already the store's: it is not saved back.
  const fromStore = useRef<S | null>(null);

  useEffect(() => {
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      call('kept.get', { kind }).then(
        ({ value }) => {
          if (!current) return;
          const parsed = value === null || value === undefined ? null : read(value);
          if (parsed !== null) {
            fromStore.current = parsed;
            dispatchWrapped({ type: '@loaded', state: parsed });
          } else if (value !== null && value !== undefined) setError(unreadable);
          setWaiting(false);
          setLoaded(true);
        },
        (e: Error) => {
          if (!current) return;
          // An import holds the store (e.g. a reload while it runs): wait for it rather than start from the defaults,
          // which would then be saved over what the store keeps.
          if (e instanceof ApiCallError && e.code === 'busy') {
            setWaiting(true);
            retry = setTimeout(load, BUSY_RETRY_MS);
            return;
          }
          setError(`${unreadable} (${e.message})`);
          setWaiting(false);
          setLoaded(true);
        },
      );
    void load();
    return () => {
      current = false;
      clearTimeout(retry);
    };
    // Read once per store session (the provider is keyed by the store).
  }, [kind]);

  const flush = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.current = null;
    call('kept.save', { kind, value: waiting.value }).then(
      () => setError(null),
      (e: Error) => {
        // An import holds the store while it runs: the save waits for it (unless a newer one is already waiting).
        if (e instanceof ApiCallError && e.code === 'busy') {
          if (!pending.current) pending.current = { value: waiting.value, timer: setTimeout(flush, BUSY_RETRY_MS) };
          return;
        }
        setError(`This could not be saved in the store: ${e.message}`);
      },
    );
  }, [kind]);

  useEffect(() => {
    if (!loaded || state === fromStore.current) return;
    const value = write(state);
    if (value === undefined) return;
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { value, timer: setTimeout(flush, KEPT_SAVE_DELAY_MS) };
  }, [state, loaded, write, flush]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const dispatch = useCallback((action: A) => dispatchWrapped({ type: '@action', action }), []);
  return { state, dispatch, loaded, waiting, flush, error };
}
