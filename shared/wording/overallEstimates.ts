// "Overall estimates of the impact of the intervention" (METHOD.md section 9), from the CI of the
// difference: both bounds above 0, both below, or one on each side.
import { ciDirection, spokenBound, type HeadlineFigures, type HeadlineMeasure } from './headlineMeasure';
import { figureNoun, type Noun } from './subjectNouns';

export const SIGNIFICANT_SENTENCE = 'This is a statistically significant result.';

export function overallEstimatesHeading(nouns: Noun): string {
  return `For any 100 typical ${nouns.many} who receive the intervention, compared with any 100 similar ${nouns.many} who do not receive it:`;
}

function subject(measure: HeadlineMeasure, nouns: Noun): string {
  if (measure === 'rate') return `The number of ${nouns.many} who would commit a proven reoffence during the year after completion of the programme could be`;
  if (measure === 'frequency') return 'The number of proven reoffences committed during the year could be';
  return 'On average, the time before a re-offender committed their first proven re-offence could be';
}

/** Words for "more" and "less" of this measure, and its unit. */
function scale(measure: HeadlineMeasure, nouns: Noun): { up: string; down: string; unit: Noun } {
  if (measure === 'rate') return { up: 'higher', down: 'lower', unit: nouns };
  if (measure === 'frequency') return { up: 'higher', down: 'lower', unit: { one: 'offence', many: 'offences' } };
  // METHOD.md: longer/shorter for time (the reference report's "higher by 31 days" is a slip).
  return { up: 'longer', down: 'shorter', unit: { one: 'day', many: 'days' } };
}

/**
 * One bullet; null when there is no CI. Numbers are |bounds| per 100 people (days for time), whole.
 * Significance follows the CI's sign (the CI excludes 0 exactly when p < alpha). An analysis whose findings may not
 * be published (METHOD.md 4a) claims no significance.
 */
export function overallEstimateSentence(measure: HeadlineMeasure, figures: HeadlineFigures, nouns: Noun, publishable = true): string | null {
  if (figures.ciLow === null || figures.ciHigh === null) return null;
  const low = spokenBound(figures.ciLow, measure);
  const high = spokenBound(figures.ciHigh, measure);
  const { up, down, unit } = scale(measure, nouns);
  const direction = ciDirection(figures.ciLow, figures.ciHigh);
  const claim = publishable ? ` ${SIGNIFICANT_SENTENCE}` : '';
  if (direction === 'higher') return `${subject(measure, nouns)} ${up} by between ${low} and ${figureNoun(high, unit)}.${claim}`;
  if (direction === 'lower') return `${subject(measure, nouns)} ${down} by between ${high} and ${figureNoun(low, unit)}.${claim}`;
  return `${subject(measure, nouns)} ${down} by as many as ${figureNoun(low, unit)}, or ${up} by as many as ${figureNoun(high, unit)}.`;
}
