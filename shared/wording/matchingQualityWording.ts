// What the matching-quality gate (METHOD.md section 4a) says to the reader when an analysis does not pass: which
// variables were poorly matched, why that makes the findings unreliable, and what the analyst can try. The app's
// banner and the report print these same sentences.
import type { MatchingQualityGate } from '../engine/matchingQualityGate';
import { formatSigned } from '../format/numberFormat';
import { MIN_TREATED } from '../outcomes/reportingGates';
import { describeBalanceRow, listOf } from './matchingSummary';

export interface GateWording {
  /** One line for a banner or a title page. */
  headline: string;
  /** Why the findings are not reliable, one sentence per reason. */
  reasons: string[];
  /** What the analyst can try. */
  suggestions: string[];
}

const NOT_RELIABLE = 'Its findings are not reliable.';

/** "the number of previous offences (+18.9%)": the row in plain words and its difference after matching. */
function poorRow(r: MatchingQualityGate['poorlyMatched'][number]): string {
  const smd = r.smdAfter === null ? 'no finite difference' : `${formatSigned(r.smdAfter, 1)}%`;
  return `${describeBalanceRow(r.variable, r.level)} (${smd})`;
}

/** Null when the analysis passes. */
export function gateWording(gate: MatchingQualityGate, analysisName: string, nTreated: number): GateWording | null {
  if (gate.passes) return null;
  const name = `the ${analysisName.toLowerCase()} analysis`;
  const reasons: string[] = [];
  const suggestions: string[] = [];
  if (gate.poorlyMatched.length > 0) {
    reasons.push(
      `The groups were poorly matched on ${listOf(gate.poorlyMatched.map(poorRow))}, so differences in reoffending may come from those differences and not from the programme.`,
    );
    const variables = [...new Set(gate.poorlyMatched.map((r) => r.variable))];
    suggestions.push(
      'Try another caliper (a narrower one keeps only closer matches) or another matching method.',
      'Try other covariates: the score model can only balance what it is given.',
      `Match exactly on ${listOf(variables)} where that leaves enough people to match.`,
    );
  }
  if (gate.belowMinimumTreated) {
    reasons.push(`The treatment group has ${nTreated} ${nTreated === 1 ? 'person' : 'people'}, below the minimum of ${MIN_TREATED} for this kind of analysis.`);
    suggestions.push('Submit more participants, or a longer participation period, so that more people can be matched.');
  }
  const headline = `The groups of ${name} were not adequately matched. ${NOT_RELIABLE}`;
  return { headline, reasons, suggestions };
}

/** Said where "What you can say" would be, for an analysis that does not pass and has no justification. */
export const WITHHELD_FINDINGS =
  'No statements are made about this analysis: without adequately matched groups its estimates cannot be attributed to the programme. The figures below are shown for review only.';

/** Said beside the findings of an analysis published on the analyst's justification. */
export function justifiedFindingsNote(recordedAt: string): string {
  return `These findings are published although the groups were not adequately matched, on the analyst's justification recorded ${recordedAt}:`;
}
