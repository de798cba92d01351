// The sample-size sentence printed under the overall estimates when the rate is not significant
// (METHOD.md section 7).
import { countNoun, type Noun } from './subjectNouns';

/** Null when the rate is significant. Without a number (difference 0) only the first sentence is said. */
export function sampleSizeSentence(rate: { significant: boolean; numberNeeded: number | null }, nouns: Noun): string | null {
  if (rate.significant) return null;
  const need = `More ${nouns.many} would need to be available for analysis in order to determine the direction of the difference in the number of ${nouns.many} who commit a proven reoffence during one year after release.`;
  if (rate.numberNeeded === null) return need;
  return `${need} It is estimated that a treatment group of ${countNoun(rate.numberNeeded, nouns)} would be needed.`;
}
