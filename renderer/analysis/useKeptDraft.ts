// The set-up being edited, kept in the store (analysis.draft.get/save) so closing the app loses nothing, and in
// module memory so leaving the section and coming back needs no round trip. Saves are debounced; `flush` sends a
// waiting one at once (the screen calls it when focus leaves a field, so "Close store" comes after the save).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisOptions } from '../../shared/api';
import { call } from '../api/client';
import { draftFromSaved, savedDraftOf } from './savedDraft';
import { draftFromSpec, type SpecDraft } from './specDraft';

/** Time after the last change before the draft is saved: typing a name saves once, not per key. */
export const DRAFT_SAVE_DELAY_MS = 500;

const memory: { storePath: string | null; draft: SpecDraft | null } = { storePath: null, draft: null };

export interface KeptDraft {
  /** null until the saved draft (or, with none, the presets) is known. */
  draft: SpecDraft | null;
  setDraft: (draft: SpecDraft) => void;
  flush: () => void;
  /** Why the saved draft could not be read, or the draft could not be saved. */
  error: string | null;
}

export function useKeptDraft(storePath: string, options: AnalysisOptions | null): KeptDraft {
  if (memory.storePath !== storePath) Object.assign(memory, { storePath, draft: null });
  const [draft, setDraftState] = useState<SpecDraft | null>(memory.draft);
  const [loaded, setLoaded] = useState(memory.draft !== null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ draft: SpecDraft; timer: ReturnType<typeof setTimeout> } | null>(null);

  useEffect(() => {
    if (memory.draft) return;
    let current = true;
    call('analysis.draft.get', {}).then(
      ({ draft: saved }) => {
        if (!current) return;
        const read = draftFromSaved(saved);
        if (read) {
          memory.draft = read;
          setDraftState(read);
        } else if (saved !== null && saved !== undefined) {
          setError('The set-up saved in this store could not be read (saved by another version of Matchlab?): the presets are shown instead.');
        }
        setLoaded(true);
      },
      (e: Error) => {
        if (!current) return;
        setError(`The saved set-up could not be read: ${e.message}. The presets are shown instead.`);
        setLoaded(true);
      },
    );
    return () => {
      current = false;
    };
  }, [storePath]);

  // Nothing saved: the presets, saved only once edited.
  useEffect(() => {
    if (!loaded || !options || draft) return;
    const presets = draftFromSpec(options.presets, options.columns);
    memory.draft = presets;
    setDraftState(presets);
  }, [loaded, options, draft]);

  const flush = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.current = null;
    call('analysis.draft.save', { draft: savedDraftOf(waiting.draft) }).then(
      () => setError(null),
      (e: Error) => setError(`The set-up could not be saved in the store: ${e.message}`),
    );
  }, []);

  const setDraft = useCallback(
    (next: SpecDraft) => {
      memory.draft = next;
      setDraftState(next);
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { draft: next, timer: setTimeout(flush, DRAFT_SAVE_DELAY_MS) };
    },
    [flush],
  );

  // Leaving the section, or the window closing, sends a waiting save.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { draft, setDraft, flush, error };
}
