// The analysis set-up being edited, as one reducer: every edit goes through it, and it owns undo. An action that
// throws edits away (removing an analysis, resetting to the presets, setting up again from a stored run) can be
// undone until the next edit. Kept in the store by useKeptReducer (the presets only once edited).
import { draftFromSaved, savedDraftOf } from './savedDraft';
import type { SpecDraft } from './specDraft';

export interface SetupState {
  /** null until the saved draft (or, with none, the presets) is known. */
  draft: SpecDraft | null;
  /** False while the draft is the untouched presets: nothing to save yet. */
  edited: boolean;
  undo: { what: string; before: SpecDraft } | null;
}

export type SetupAction =
  /** Nothing was saved: start from the presets. */
  | { type: 'presets'; draft: SpecDraft }
  | { type: 'edit'; draft: SpecDraft }
  /** Replaces the draft in a way the analyst may regret: `what` says what happened, Undo brings the old one back. */
  | { type: 'discard'; what: string; draft: SpecDraft }
  | { type: 'undo' };

export const INITIAL_SETUP: SetupState = { draft: null, edited: false, undo: null };

export function setupReducer(s: SetupState, a: SetupAction): SetupState {
  switch (a.type) {
    case 'presets':
      return s.draft ? s : { draft: a.draft, edited: false, undo: null };
    case 'edit':
      return { draft: a.draft, edited: true, undo: null };
    case 'discard':
      return { draft: a.draft, edited: true, undo: s.draft ? { what: a.what, before: s.draft } : null };
    case 'undo':
      return s.undo ? { draft: s.undo.before, edited: true, undo: null } : s;
  }
}

export function readSetup(saved: unknown): SetupState | null {
  const draft = draftFromSaved(saved);
  return draft ? { draft, edited: true, undo: null } : null;
}

export function writeSetup(s: SetupState): unknown {
  return s.edited && s.draft ? savedDraftOf(s.draft) : undefined;
}
