// The matching-quality gate of METHOD.md section 4a: an analysis passes when no covariate row (levels and missing
// indicators included, the score row excluded) is poorly matched after matching, and its treatment group is not below
// the minimum size of section 8 ("handled the same way"). One that does not pass is still computed and shown, but
// its findings are not reliable unless the analyst records a justification.
import type { BalanceRow } from './balance';
import { MIN_TREATED } from '../outcomes/reportingGates';

export interface PoorlyMatchedRow {
  variable: string;
  level: string | null;
  /** Null when the difference has no finite value (a level only one group has, with no spread). */
  smdAfter: number | null;
}

export interface MatchingQualityGate {
  passes: boolean;
  /** The covariate rows poorly matched after matching, in balance-table order. */
  poorlyMatched: PoorlyMatchedRow[];
  /** True when the treatment group has fewer than MIN_TREATED people. */
  belowMinimumTreated: boolean;
}

export function matchingQualityGate(balance: readonly BalanceRow[], nTreated: number): MatchingQualityGate {
  const poorlyMatched = balance
    .filter((r) => r.variable !== 'score' && r.band === 'poorly')
    .map((r) => ({ variable: r.variable, level: r.level, smdAfter: r.smdAfter }));
  const belowMinimumTreated = nTreated < MIN_TREATED;
  return { passes: poorlyMatched.length === 0 && !belowMinimumTreated, poorlyMatched, belowMinimumTreated };
}
