// Why a treated person was not matched, in a sentence an analyst can pass on (the "Who was matched" view).
import type { UnmatchedReason } from '../engine/matchedSets';
import { formatFixed } from '../format/numberFormat';

export interface UnmatchedFacts {
  reason: UnmatchedReason;
  /** Distance (logit) to the nearest pool record of the person's stratum. */
  nearestDistance: number | null;
  /** Caliper (kernel bandwidth) in logit units; null when there is none. */
  caliper: number | null;
  /** The exact-match stratum, e.g. "sex=F". */
  stratum: string | null;
  /** The analysis's pool filter in words, e.g. "sex = M". */
  poolFilter: string;
}

/** A short label for a reason, for a table's column and its filter. */
export const UNMATCHED_LABEL: Record<UnmatchedReason, string> = {
  no_pool_in_caliper: 'none within the caliper',
  taken: 'all within the caliper taken',
  empty_stratum: 'empty stratum',
  outside_filter: 'outside the pool filter',
};

export function unmatchedReason(f: UnmatchedFacts): string {
  switch (f.reason) {
    case 'no_pool_in_caliper': {
      const away = f.nearestDistance === null ? '' : ` The nearest is ${formatFixed(f.nearestDistance, 3)} away on the logit score${f.caliper ? `, ${formatFixed(f.nearestDistance / f.caliper, 1)} times the caliper of ${formatFixed(f.caliper, 3)}` : ''}.`;
      return `No comparison record ${f.stratum ? `of the same stratum (${f.stratum})` : 'of the same stratum'} is within the caliper.${away}`;
    }
    case 'taken':
      return `The comparison records within the caliper${f.stratum ? ` (${f.stratum})` : ''} were all taken by people whose turn came first (nearest neighbour without replacement goes highest score first).`;
    case 'empty_stratum':
      return `The comparison pool has no record with ${f.stratum ?? 'the same exact-match values'}.`;
    case 'outside_filter':
      return `Outside this analysis's pool filter (${f.poolFilter || 'none'}): not part of it.`;
  }
}
