// Where the analyst is (section, analysis view, analysis, open run, runs being compared): one reducer, kept in the
// store so that a reload reopens the same place.
import { workspaceSchema, type Section, type Workspace } from '../../shared/api';

export type AnalysisView = Workspace['analysisView'];

export const INITIAL_WORKSPACE: Workspace = { section: 'home', analysisView: 'setup', analysis: '', runId: null, compare: [] };

export type WorkspaceAction =
  | { type: 'section'; section: Section }
  | { type: 'view'; view: AnalysisView }
  | { type: 'analysis'; name: string }
  /** A run opened: `view` moves there too (a fresh run opens on its matching quality). */
  | { type: 'run'; runId: string | null; analysis: string; view?: AnalysisView }
  | { type: 'compare'; runIds: string[] }
  /** A run is gone (deleted): nothing may point at it. */
  | { type: 'forgetRun'; runId: string };

const RUN_VIEWS: readonly AnalysisView[] = ['matching', 'sets', 'results', 'report'];

export function workspaceReducer(w: Workspace, a: WorkspaceAction): Workspace {
  switch (a.type) {
    case 'section':
      return { ...w, section: a.section };
    case 'view':
      return { ...w, analysisView: a.view };
    case 'analysis':
      return { ...w, analysis: a.name };
    case 'run':
      return { ...w, runId: a.runId, analysis: a.analysis, analysisView: a.view ?? w.analysisView };
    case 'compare':
      return { ...w, compare: a.runIds.slice(0, 4) };
    case 'forgetRun': {
      const open = w.runId === a.runId;
      return {
        ...w,
        runId: open ? null : w.runId,
        analysisView: open && RUN_VIEWS.includes(w.analysisView) ? 'setup' : w.analysisView,
        compare: w.compare.filter((id) => id !== a.runId),
      };
    }
  }
}

export function readWorkspace(saved: unknown): Workspace | null {
  const parsed = workspaceSchema.safeParse(saved);
  return parsed.success ? parsed.data : null;
}
