// The verdict of each analysis of a run (METHOD.md section 4a), derived from what the engine computed and the
// analyst's justification, if any: the gate, what may be stated, and the list of warnings and caveats. Derived on
// every read, so a run stored before a rule changed is judged by the rule in force, and a justification recorded
// later takes effect everywhere at once.
import { matchingQualityGate } from '../engine/matchingQualityGate';
import { analysisNotices } from '../wording/analysisNotices';
import { analysisFindings, type Justification } from './analysisFindings';
import type { AnalysisCore, AnalysisResults, RunResults } from './runResults';

export function completeAnalysis(core: AnalysisCore, organisation: string, justification: Justification | null): AnalysisResults {
  const matchingQuality = matchingQualityGate(core.balance, core.treatment.n);
  // A justification matters only for an analysis that does not pass.
  const kept = matchingQuality.passes ? null : justification;
  const verdict = { ...core, matchingQuality, justification: kept };
  return { ...verdict, findings: analysisFindings(verdict, organisation), notices: analysisNotices(verdict) };
}

/** The run with every analysis's verdict; `justifications` by analysis name. */
export function completeRun(run: Omit<RunResults, 'analyses'> & { analyses: AnalysisCore[] }, justifications: ReadonlyMap<string, Justification> = new Map()): RunResults {
  const analyses = run.analyses.map((a) => {
    // Fields of the verdict stored with an older run are recomputed, never trusted.
    const { matchingQuality: _g, justification: _j, findings: _f, notices: _n, warnings: _w, ...core } = a as AnalysisCore & Partial<AnalysisResults> & { warnings?: unknown };
    return completeAnalysis(core, run.spec.organisation, justifications.get(a.name) ?? null);
  });
  return { ...run, analyses };
}
