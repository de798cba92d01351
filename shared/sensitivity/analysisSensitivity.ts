// The sensitivity figures of one analysis (METHOD.md section 11), as results.json carries them: E-values of the
// rate and the frequency for every analysis, Rosenbaum bounds of the rate for one matched 1:1 without replacement.
import type { MatchingSpec } from '../engine/analysisSpec';
import type { Outcomes } from '../outcomes/computeOutcomes';
import { measureEValue, type EValue } from './eValue';
import { discordantPairs, rosenbaumBounds, type RosenbaumBounds } from './rosenbaumBounds';

export interface Sensitivity {
  rate: EValue;
  frequency: EValue;
  /** Rosenbaum bounds of the rate's sign test over the matched pairs; null unless matched 1:1 without replacement. */
  rosenbaum: RosenbaumBounds | null;
}

/** Rosenbaum's pair bounds need pairs of one treated and one comparison person, each used once. */
export function isPairMatching(matching: MatchingSpec): boolean {
  return matching.method === 'nearest' && matching.ratio === 1 && !matching.replace;
}

export interface SensitivityInput {
  outcomes: Outcomes;
  matching: MatchingSpec;
  /** The matched pairs (rows), for nearest-neighbour matching. */
  pairs: { treated: Int32Array; control: Int32Array } | null;
  /** 1 for a row that reoffended, parallel to the pairs' rows. */
  reoffended: ArrayLike<number>;
  alpha: number;
}

export function analysisSensitivity({ outcomes, matching, pairs, reoffended, alpha }: SensitivityInput): Sensitivity {
  let rosenbaum: RosenbaumBounds | null = null;
  if (isPairMatching(matching) && pairs) {
    const { treatedOnly, comparisonOnly } = discordantPairs(pairs.treated, pairs.control, reoffended);
    rosenbaum = rosenbaumBounds(pairs.treated.length, treatedOnly, comparisonOnly, alpha);
  }
  return { rate: measureEValue(outcomes.rate), frequency: measureEValue(outcomes.frequency), rosenbaum };
}
