// The summary sentence of a robustness check (METHOD.md section 12) for one headline measure.
import type { RobustnessSummary } from '../robustness/robustnessSummary';
import type { HeadlineMeasure } from './headlineMeasure';

const DIRECTION: Record<HeadlineMeasure, { lower: string; higher: string }> = {
  rate: { lower: 'a lower reoffending rate', higher: 'a higher reoffending rate' },
  frequency: { lower: 'fewer reoffences per person', higher: 'more reoffences per person' },
  daysToFirst: { lower: 'a shorter time to first reoffence', higher: 'a longer time to first reoffence' },
};

const areOrIs = (n: number) => (n === 1 ? 'is' : 'are');

/** "The estimate’s direction (a lower reoffending rate) holds in X of the Y specifications that pass the matching-quality gate; Z of them are significant." */
export function robustnessSentence(measure: HeadlineMeasure, s: RobustnessSummary): string {
  const all = `${s.specifications} specification${s.specifications === 1 ? '' : 's'}`;
  if (s.passing === 0) return `None of the ${all} passes the matching-quality gate, so the check cannot say how robust the estimate is.`;
  const gate = 'the matching-quality gate';
  if (s.direction === 0) {
    const significant = s.significant + s.significantOpposite;
    return `The analysis’s own estimate shows no difference at all; ${significant} of the ${s.passing} specification${s.passing === 1 ? '' : 's'} that pass${s.passing === 1 ? 'es' : ''} ${gate} ${areOrIs(significant)} significant.`;
  }
  const direction = `The estimate’s direction (${DIRECTION[measure][s.direction < 0 ? 'lower' : 'higher']} for participants)`;
  const opposite = s.significantOpposite > 0 ? ` ${s.significantOpposite} ${areOrIs(s.significantOpposite)} significant in the opposite direction.` : '';
  if (s.passing === 1) {
    if (s.holding === 1) return `${direction} holds in the only specification that passes ${gate}, which is ${s.significant === 1 ? '' : 'not '}significant.`;
    return `${direction} does not hold in the only specification that passes ${gate}.${opposite.replace(' 1 is', ' It is')}`;
  }
  if (s.holding === 0) return `${direction} holds in none of the ${s.passing} specifications that pass ${gate}.${opposite}`;
  return `${direction} holds in ${s.holding} of the ${s.passing} specifications that pass ${gate}; ${s.significant} of them ${areOrIs(s.significant)} significant.${opposite}`;
}

/**
 * Said instead of the summary sentence for an analysis whose findings the matching-quality gate withholds
 * (METHOD.md 4a): how robust an estimate is that cannot be attributed to the programme is no finding either.
 */
export function robustnessWithheld(s: RobustnessSummary): string {
  const head = 'This analysis does not pass the matching-quality gate, so nothing is said about how robust its estimate is';
  if (s.passing === 0) return `${head}; none of the ${s.specifications} specifications passes the gate either.`;
  return `${head}; ${s.passing} of the ${s.specifications} specifications ${s.passing === 1 ? 'passes' : 'pass'} the gate (the filled points).`;
}

/**
 * What the app, the report, the CLI and the chart files say of one measure's check: the summary sentence, or for an
 * analysis whose findings are withheld (`publishable` false: METHOD.md 4a) why nothing is said.
 */
export function robustnessStatement(measure: HeadlineMeasure, s: RobustnessSummary, publishable: boolean): string {
  return publishable ? robustnessSentence(measure, s) : robustnessWithheld(s);
}
