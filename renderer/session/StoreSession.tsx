// Everything the screens keep while a store is open: where the analyst is (workspace), the analysis set-up, the
// import screen's choices, and the runs. Mounted once per store (keyed by its path), so switching stores starts
// afresh and no screen keeps state in module variables; each part is kept in the store (useKeptReducer).
import { createContext, useContext, type ReactNode } from 'react';
import type { AppState, Workspace } from '../../shared/api';
import { useAnalysisRuns, type AnalysisRuns } from '../analysis/useAnalysisRuns';
import { INITIAL_SETUP, readSetup, setupReducer, writeSetup, type SetupAction, type SetupState } from '../analysis/setupState';
import { EMPTY_IMPORT_DRAFT, importDraftReducer, readImportDraft, writeImportDraft, type ImportDraft, type ImportDraftAction } from '../import/importDraft';
import { useKeptReducer, type Kept } from './useKeptReducer';
import { INITIAL_WORKSPACE, readWorkspace, workspaceReducer, type WorkspaceAction } from './workspace';

export interface StoreSession {
  workspace: Kept<Workspace, WorkspaceAction>;
  setup: Kept<SetupState, SetupAction>;
  importDraft: Kept<ImportDraft, ImportDraftAction>;
  runs: AnalysisRuns;
}

const Session = createContext<StoreSession | null>(null);

const WORKSPACE = { kind: 'workspace', read: readWorkspace, write: (w: Workspace) => w, unreadable: 'Where you were could not be read back' } as const;
const SETUP = {
  kind: 'analysis',
  read: readSetup,
  write: writeSetup,
  unreadable: 'The set-up saved in this store could not be read (saved by another version of Matchlab?): the presets are shown instead.',
} as const;
const IMPORT = {
  kind: 'import',
  read: readImportDraft,
  write: writeImportDraft,
  unreadable: 'The import choices saved in this store could not be read (saved by another version of Matchlab?): choose the files again.',
} as const;

export function StoreSessionProvider({ state, epoch, children }: { state: AppState; epoch: number; children: ReactNode }) {
  const workspace = useKeptReducer(workspaceReducer, INITIAL_WORKSPACE, WORKSPACE);
  const setup = useKeptReducer(setupReducer, INITIAL_SETUP, SETUP);
  const importDraft = useKeptReducer(importDraftReducer, EMPTY_IMPORT_DRAFT, IMPORT);
  const runs = useAnalysisRuns(state, workspace.state, workspace.dispatch, epoch);
  // Until the workspace is read, the screens would open on the wrong section and then jump; while an import holds the
  // store (the demo filling it, or a reload during an import) they show the defaults and its progress.
  if (!workspace.loaded && !workspace.waiting) return <p className="muted pad">Opening the store…</p>;
  return <Session.Provider value={{ workspace, setup, importDraft, runs }}>{children}</Session.Provider>;
}

export function useStoreSession(): StoreSession {
  const session = useContext(Session);
  if (!session) throw new Error('useStoreSession needs a StoreSessionProvider');
  return session;
}
