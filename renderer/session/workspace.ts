// Where the analyst is (section, analysis view, analysis, open run, runs being compared, the balance row looked at and
// the view's thresholds): one reducer, kept in the store so that a reload reopens the same place.
import { workspaceSchema, type Section, type Workspace } from '../../shared/api';
import type { Bands } from '../../shared/engine/analysisSpec';

export type AnalysisView = Workspace['analysisView'];

export const INITIAL_WORKSPACE: Workspace = { section: 'home', analysisView: 'setup', analysis: '', runId: null, compare: [] };

export type WorkspaceAction =
  | { type: 'section'; section: Section }
  | { type: 'view'; view: AnalysisView }
  | { type: 'analysis'; name: string }
  /** A run opened: `view` moves there too (a fresh run opens on its matching quality). */
  | { type: 'run'; runId: string | null; analysis: string; view?: AnalysisView }
  | { type: 'compare'; runIds: string[] }
  /** A balance row selected on the matching-quality view (`variable|level`). */
  | { type: 'balanceRow'; key: string }
  /** The view's own well/reasonably thresholds; null goes back to the run's. */
  | { type: 'viewBands'; bands: Bands | null }
  /** A run is gone (deleted): nothing may point at it. */
  | { type: 'forgetRun'; runId: string };

const RUN_VIEWS: readonly AnalysisView[] = ['matching', 'sets', 'results', 'report'];

export function workspaceReducer(w: Workspace, a: WorkspaceAction): Workspace {
  switch (a.type) {
    case 'section':
      return { ...w, section: a.section };
    case 'view':
      return { ...w, analysisView: a.view };
    // Another analysis has other rows: its view starts on its least well matched row.
    case 'analysis':
      return a.name === w.analysis ? w : { ...w, analysis: a.name, balanceRow: null };
    // Another run is judged afresh: its own thresholds, its least well matched row.
    case 'run':
      return { ...w, runId: a.runId, analysis: a.analysis, analysisView: a.view ?? w.analysisView, ...(a.runId === w.runId ? {} : { balanceRow: null, viewBands: null }) };
    case 'compare':
      return { ...w, compare: a.runIds.slice(0, 4) };
    case 'balanceRow':
      return { ...w, balanceRow: a.key };
    case 'viewBands':
      return { ...w, viewBands: a.bands };
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
