// Plain-language sentences for the sensitivity figures (METHOD.md section 11): how strong an unrecorded difference
// between the groups (such as motivation) would have to be to explain a finding away.
import { formatFixed, formatP } from '../format/numberFormat';
import type { EValue } from '../sensitivity/eValue';
import type { RosenbaumBounds } from '../sensitivity/rosenbaumBounds';

export type SensitivityMeasure = 'rate' | 'frequency';

/** What the unrecorded factor would be associated with, per measure. */
const OUTCOME: Record<SensitivityMeasure, { what: string; ratio: string }> = {
  rate: { what: 'reoffending', ratio: 'a risk ratio' },
  frequency: { what: 'the number of reoffences', ratio: 'a ratio' },
};

/** An E-value with 2 decimals, more when 2 would show a value above 1 as 1.00 (rounding must not hide it). */
export function formatEValue(e: number): string {
  for (let dp = 2; dp < 6; dp++) if (e <= 1 || formatFixed(e, dp) !== formatFixed(1, dp)) return formatFixed(e, dp);
  return formatFixed(e, 6);
}

/**
 * The E-value sentence of a rate or frequency finding. Significant: how strong a hidden factor would need to be to
 * explain the estimate away and to make it no longer significant. Not significant: that there is no finding to
 * explain away, with the estimate's E-value for completeness. Null when there is no E-value.
 */
export function eValueSentence(measure: SensitivityMeasure, e: EValue, significant: boolean): string | null {
  if (e.estimate === null) return null;
  const { what, ratio } = OUTCOME[measure];
  const factor = `an unrecorded factor, such as motivation, would need to be associated with both taking part and ${what}`;
  if (!significant) {
    return `This difference is not statistically significant, so there is no finding for a hidden difference between the groups to explain away; ${factor} by ${ratio} of ${formatEValue(e.estimate)} each to explain away the estimated difference itself.`;
  }
  const first = `${factor.charAt(0).toUpperCase()}${factor.slice(1)} by ${ratio} of ${formatEValue(e.estimate)} each to explain this result away`;
  if (e.bound === null || e.bound <= 1) return `${first}.`;
  return `${first}, and by ${ratio} of ${formatEValue(e.bound)} each to make it no longer statistically significant.`;
}

const pairs = (n: number) => `${formatFixed(n, 0)} pair${n === 1 ? '' : 's'}`;

/**
 * The Rosenbaum sentence of a 1:1 analysis: the discordant pairs, and how much hidden bias the finding survives
 * (Gamma: how many times as likely to take part one person of a pair may be as the other because of it).
 */
export function rosenbaumSentence(r: RosenbaumBounds): string {
  const [atOne, atOneHalf, atTwo] = r.bounds;
  const counted = `Of the ${pairs(r.pairs)} of a participant and their match, only the participant reoffended in ${formatFixed(r.treatedOnly, 0)} and only the comparison person in ${formatFixed(r.comparisonOnly, 0)}.`;
  if (r.criticalGamma === null) {
    return `${counted} Counted this way the difference is not statistically significant even if there is no hidden bias (one-sided p ${formatP(atOne.p, r.alpha / 2)} against the ${formatFixed(r.alpha / 2, 3)} needed), so there is no finding for hidden bias to explain away.`;
  }
  if (r.criticalGamma === 1) {
    return `${counted} The finding is statistically significant without hidden bias (one-sided p ${formatP(atOne.p, r.alpha / 2)}), but it would no longer be if an unrecorded factor made one person of a pair even 1.05 times as likely to take part as the other: it is fragile.`;
  }
  return `${counted} The finding stays statistically significant as long as an unrecorded factor makes one person of a pair no more than ${formatFixed(r.criticalGamma, 2)} times as likely to take part as the other (at 1.5 times the one-sided p-value could be up to ${formatP(atOneHalf.p, r.alpha / 2)}, at 2 times up to ${formatP(atTwo.p, r.alpha / 2)}).`;
}

/** The heading of the sensitivity figures, in the app and the report. */
export const SENSITIVITY_HEADING = 'How sure can we be? Hidden differences between the groups';

/** The report's lead-in to the sentences. */
export const SENSITIVITY_LEAD = 'Matching makes the groups alike in what was recorded, never in what was not, such as motivation to change.';

/** Said instead of the sentences for an analysis whose findings are withheld (METHOD.md 4a). */
export const SENSITIVITY_WITHHELD =
  'Nothing is said about hidden differences for this analysis: its groups were not adequately matched on what was recorded, so its estimates cannot be attributed to the programme in the first place.';

/** Said for a run stored before Matchlab computed the sensitivity figures. */
export const SENSITIVITY_MISSING = 'This run was made before Matchlab computed sensitivity figures: run the analysis again to see them.';

/** The one line a report prints under the sensitivity sentences, to read them by. */
export const SENSITIVITY_READING = 'A value close to 1 means that a weak hidden difference between the groups would be enough to explain the result; a value of 2 or more means it would take a strong one. The figures do not say whether such a difference exists.';

/** What these figures mean, for someone who is not a statistician. */
export const SENSITIVITY_EXPLANATION = [
  'Matching makes the two groups alike in what was recorded (age, offending history, sentence, assessed needs), never in what was not, such as motivation to change or support from family. If participants differ from their matches in something unrecorded that also affects reoffending, part or all of the difference could come from that and not from the programme.',
  'These figures say how strong such a hidden difference would have to be to produce the result on its own. A value close to 1 means that a weak hidden difference would be enough, so the finding is fragile; a value of 2 or more means it would take a strong one (a factor that doubles both the chance of taking part and the chance of reoffending), so the finding is harder to explain away. They do not say whether such a factor exists.',
];
