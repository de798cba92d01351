// The "For any 100 typical people in the treatment / comparison group" blocks (METHOD.md section 9).
import { formatFixed, formatPercent } from '../format/numberFormat';
import { spokenWhole, type HeadlineFigures, type HeadlineMeasure } from './headlineMeasure';
import { countNoun, type Noun } from './subjectNouns';

export type Group = 'treatment' | 'comparison';

export function typicalHundredHeading(group: Group, nouns: Noun): string {
  return `For any 100 typical ${nouns.many} in the ${group} group:`;
}

const OFFENCE: Noun = { one: 'offence', many: 'offences' };
const DAY: Noun = { one: 'day', many: 'days' };

/** The group's own figure as the sentence opens with it. */
function groupClause(measure: HeadlineMeasure, mean: number, nouns: Noun): string {
  const x = spokenWhole(mean, measure);
  if (measure === 'rate') {
    return `${x} of the 100 ${nouns.many} would have committed a proven reoffence within a one-year period (a rate of ${formatPercent(mean)})`;
  }
  if (measure === 'frequency') {
    const verb = x === 1 ? 'proven reoffence was' : 'proven reoffences were';
    // The per-person frequency is given to 1 dp here, as in the reference report's sentence.
    return `${formatFixed(x, 0)} ${verb} committed by the 100 ${nouns.many} during the year (a frequency of ${formatFixed(mean, 1)} offences per person)`;
  }
  return `${countNoun(x, DAY)} was the average time before a reoffender committed their first proven reoffence`;
}

/**
 * The treatment group's difference D from the comparison group is round(100 x d) (days: round(d)), so
 * it can differ by 1 from the difference of the two rounded figures: then the report prints the
 * rounding note. D = 0 reads "similar to".
 */
function differenceClause(measure: HeadlineMeasure, difference: number, nouns: Noun): string {
  const d = spokenWhole(difference, measure);
  if (measure === 'rate') {
    if (d === 0) return ' This is similar to the comparison group.';
    return ` This is ${countNoun(Math.abs(d), nouns)} ${d > 0 ? 'more' : 'fewer'} than in the comparison group.`;
  }
  if (d === 0) return ', similar to the comparison group.';
  if (measure === 'frequency') return `, ${countNoun(Math.abs(d), OFFENCE)} ${d > 0 ? 'more' : 'fewer'} than the comparison group.`;
  return `, ${countNoun(Math.abs(d), DAY)} ${d > 0 ? 'later' : 'earlier'} than in the comparison group.`;
}

/** One sentence of the block; null when the group's mean is not available. */
export function typicalHundredSentence(measure: HeadlineMeasure, group: Group, figures: HeadlineFigures, nouns: Noun): string | null {
  const mean = group === 'treatment' ? figures.treatmentMean : figures.comparisonMean;
  if (mean === null) return null;
  const opening = groupClause(measure, mean, nouns);
  if (group === 'comparison' || figures.difference === null) return `${opening}.`;
  const rest = differenceClause(measure, figures.difference, nouns);
  return measure === 'rate' ? `${opening}.${rest}` : `${opening}${rest}`;
}
