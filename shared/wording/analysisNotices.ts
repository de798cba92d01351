// The one list of warnings and caveats of an analysis, in the order a reader needs them: the matching-quality gate
// first, then the score model's troubles, then what the figures leave out. The app's Results and Matching quality
// tabs and the report print this same list.
import type { MatchingQualityGate } from '../engine/matchingQualityGate';
import type { Outcomes } from '../outcomes/computeOutcomes';
import { formatCount } from '../format/numberFormat';
import { gateWording } from './matchingQualityWording';

export type NoticeKind = 'matchingQuality' | 'justified' | 'convergence' | 'modelProblem' | 'separation' | 'droppedCovariates' | 'notMatched' | 'lowNumbers';

export interface Notice {
  kind: NoticeKind;
  /** A warning changes what may be concluded; a caveat is something to bear in mind. */
  level: 'warning' | 'caveat';
  text: string;
}

export interface NoticeSource {
  name: string;
  treatment: { n: number; notMatched: number };
  model: {
    converged: boolean;
    iterations: number;
    problem: string | null;
    droppedColumns: string[];
    droppedCovariates: string[];
    separation: { fittedAtBounds: number; variables: string[] };
  };
  outcomes: Outcomes;
  matchingQuality: MatchingQualityGate;
  justification: { text: string } | null;
}

export function analysisNotices(a: NoticeSource): Notice[] {
  const notices: Notice[] = [];
  const gate = gateWording(a.matchingQuality, a.name, a.treatment.n);
  if (gate) {
    notices.push({ kind: 'matchingQuality', level: 'warning', text: [gate.headline, ...gate.reasons].join(' ') });
    if (a.justification) notices.push({ kind: 'justified', level: 'warning', text: `The analyst recorded a justification for publishing its findings anyway: “${a.justification.text}”` });
  }
  const m = a.model;
  if (!m.converged) notices.push({ kind: 'convergence', level: 'warning', text: `The propensity score model did not converge in ${m.iterations} iterations: the scores, and so the matching, may be unreliable.` });
  if (m.problem) notices.push({ kind: 'modelProblem', level: 'warning', text: m.problem });
  if (m.separation.variables.length > 0 || m.separation.fittedAtBounds > 0) {
    const variables = m.separation.variables.length > 0 ? ` (${m.separation.variables.join(', ')})` : '';
    const records = m.separation.fittedAtBounds > 0 ? `: ${formatCount(m.separation.fittedAtBounds)} ${m.separation.fittedAtBounds === 1 ? 'record has' : 'records have'} a fitted probability of 0 or 1` : '';
    notices.push({ kind: 'separation', level: 'caveat', text: `Possible separation in the propensity score model${variables}${records}. Records whose scores no one in the other group shares cannot be matched; see the methods annex.` });
  }
  const dropped = [...m.droppedCovariates, ...m.droppedColumns];
  if (dropped.length > 0) notices.push({ kind: 'droppedCovariates', level: 'caveat', text: `Left out of the score model: ${dropped.join(', ')} (constant in this analysis, matching no column, or collinear with other columns).` });
  if (a.treatment.notMatched > 0) {
    const n = a.treatment.notMatched;
    notices.push({ kind: 'notMatched', level: 'caveat', text: `${formatCount(n)} treated ${n === 1 ? 'person' : 'people'} could not be matched and ${n === 1 ? 'is' : 'are'} not in the results; the programme may have had a different impact on them.` });
  }
  if (!a.outcomes.daysToFirst.shown && a.outcomes.daysToFirst.hiddenReason) notices.push({ kind: 'lowNumbers', level: 'caveat', text: a.outcomes.daysToFirst.hiddenReason });
  return notices;
}
