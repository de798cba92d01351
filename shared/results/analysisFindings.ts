// What an analysis may state (METHOD.md sections 4a and 9): "What you can say" / "What you cannot say" for each
// headline measure shown, and the significant-results bullets; none of them for an analysis that does not pass the
// matching-quality gate, unless the analyst recorded a justification. The app, the report and results.json all read
// this one verdict.
import type { MatchingQualityGate } from '../engine/matchingQualityGate';
import type { Outcomes } from '../outcomes/computeOutcomes';
import type { HeadlineMeasure } from '../wording/headlineMeasure';
import { significantResults, type SignificantResult } from '../wording/significantResults';
import { subjectNouns, type AnalysisSex } from '../wording/subjectNouns';
import { whatYouCanSay, whatYouCanSayHeading, whatYouCannotSay, whatYouCannotSayHeading } from '../wording/whatYouCanSay';

export interface Justification {
  text: string;
  /** ISO 8601. */
  recordedAt: string;
}

export interface CanSayPair {
  measure: HeadlineMeasure;
  canHeading: string;
  can: string;
  cannotHeading: string;
  cannot: string;
}

export interface Findings {
  /** True when the statements below may be published: the gate passes, or a justification was recorded. */
  publishable: boolean;
  /** True when published only on the analyst's justification. */
  justified: boolean;
  /** Empty when not publishable. */
  whatYouCanSay: CanSayPair[];
  /** Empty when not publishable. */
  significantResults: SignificantResult[];
}

const HEADLINE: HeadlineMeasure[] = ['rate', 'frequency', 'daysToFirst'];

/** The headline measures the reporting gates show (time to first reoffence needs 30 treated reoffenders). */
export function shownHeadlineMeasures(outcomes: Outcomes): HeadlineMeasure[] {
  return HEADLINE.filter((m) => outcomes[m].shown);
}

export function analysisFindings(
  a: { outcomes: Outcomes; sex: AnalysisSex; matchingQuality: MatchingQualityGate; justification: Justification | null },
  organisation: string,
): Findings {
  const justified = !a.matchingQuality.passes && a.justification !== null;
  const publishable = a.matchingQuality.passes || justified;
  if (!publishable) return { publishable, justified, whatYouCanSay: [], significantResults: [] };
  const nouns = subjectNouns(a.sex);
  const pairs: CanSayPair[] = [];
  for (const m of shownHeadlineMeasures(a.outcomes)) {
    const can = whatYouCanSay(m, a.outcomes[m], organisation, nouns);
    const cannot = whatYouCannotSay(m, a.outcomes[m], organisation);
    if (can !== null && cannot !== null) pairs.push({ measure: m, canHeading: whatYouCanSayHeading(m), can, cannotHeading: whatYouCannotSayHeading(m), cannot });
  }
  return { publishable, justified, whatYouCanSay: pairs, significantResults: significantResults(a.outcomes) };
}
