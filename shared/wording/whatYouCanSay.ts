// "What you can say" and "What you cannot say" about the rate, the frequency and the time to first
// reoffence (METHOD.md section 9).
import { ciDirection, spokenBound, type HeadlineFigures, type HeadlineMeasure } from './headlineMeasure';
import { figureNoun, type Noun } from './subjectNouns';

const TOPIC: Record<HeadlineMeasure, string> = {
  rate: 'the one-year reoffending rate',
  frequency: 'the one-year reoffending frequency',
  daysToFirst: 'the time to first re-offence',
};

export function whatYouCanSayHeading(measure: HeadlineMeasure): string {
  return `What you can say about ${TOPIC[measure]}:`;
}

export function whatYouCannotSayHeading(measure: HeadlineMeasure): string {
  return `What you cannot say about ${TOPIC[measure]}:`;
}

interface Claim {
  /** Who the claim is about. */
  scope: string;
  increases: string;
  decreases: string;
  /** "may ..." forms for a CI that straddles 0. */
  mayIncrease: string;
  mayDecrease: string;
  object: string;
  unit: Noun;
}

function claim(measure: HeadlineMeasure, nouns: Noun): Claim {
  if (measure === 'rate') {
    return { scope: 'for every 100 participants', increases: 'increases', decreases: 'decreases', mayIncrease: 'may increase', mayDecrease: 'may decrease', object: 'the number of proven reoffenders during the one-year follow up period', unit: nouns };
  }
  if (measure === 'frequency') {
    return { scope: 'for every 100 participants', increases: 'increases', decreases: 'decreases', mayIncrease: 'may increase', mayDecrease: 'may decrease', object: 'the number of proven reoffences during the one-year follow up period', unit: { one: 'reoffence', many: 'reoffences' } };
  }
  return { scope: 'for recipients who reoffend during the one-year follow up period', increases: 'lengthens', decreases: 'shortens', mayIncrease: 'may lengthen', mayDecrease: 'may shorten', object: 'the average time to first proven reoffence', unit: { one: 'day', many: 'days' } };
}

/**
 * Straddling CI: "may decrease ... by up to |L| ..., or may increase it by up to U ..." (the reference
 * report's rate sentence; its frequency and time sentences drop the second "may", which we keep for
 * one pattern across measures). Otherwise "increases/decreases ... by between ... and ...".
 * Null when there is no CI.
 */
export function whatYouCanSay(measure: HeadlineMeasure, figures: HeadlineFigures, organisation: string, nouns: Noun): string | null {
  if (figures.ciLow === null || figures.ciHigh === null) return null;
  const c = claim(measure, nouns);
  const low = spokenBound(figures.ciLow, measure);
  const high = spokenBound(figures.ciHigh, measure);
  const opening = `This analysis provides evidence that, ${c.scope}, ${organisation}`;
  const direction = ciDirection(figures.ciLow, figures.ciHigh);
  if (direction === 'higher') return `${opening} ${c.increases} ${c.object} by between ${low} and ${figureNoun(high, c.unit)}.`;
  if (direction === 'lower') return `${opening} ${c.decreases} ${c.object} by between ${high} and ${figureNoun(low, c.unit)}.`;
  return `${opening} ${c.mayDecrease} ${c.object} by up to ${figureNoun(low, c.unit)}, or ${c.mayIncrease} it by up to ${figureNoun(high, c.unit)}.`;
}

const CANNOT_OBJECT: Record<HeadlineMeasure, string> = {
  rate: 'the one-year proven reoffending rate of its participants',
  frequency: 'the frequency of reoffending of its participants',
  daysToFirst: 'the average time to first reoffence of its participants',
};

/**
 * Every claim the CI does not support: both bounds > 0 rule out a decrease or no effect; both < 0 an
 * increase or no effect; otherwise all three. Null when there is no CI.
 */
export function whatYouCannotSay(measure: HeadlineMeasure, figures: HeadlineFigures, organisation: string): string | null {
  if (figures.ciLow === null || figures.ciHigh === null) return null;
  const direction = ciDirection(figures.ciLow, figures.ciHigh);
  const claims = direction === 'higher' ? 'decreases/has no effect on' : direction === 'lower' ? 'increases/has no effect on' : 'increases/decreases/has no effect on';
  return `This analysis shows that ${organisation} ${claims} ${CANNOT_OBJECT[measure]}.`;
}
