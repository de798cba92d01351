// The opening paragraphs of the key findings (reference report, page 1), as plain text. The reference's wording
// is the model; the sentence about the result follows the headline rate's significance and direction.
import { formatCount } from '../format/numberFormat';
import type { AnalysisResults } from '../results/runResults';
import type { ParticipationPeriod } from '../cohort/participationPeriod';
import { countNoun, subjectNouns } from '../wording/subjectNouns';

const PARTICIPANT = { one: 'participant', many: 'participants' };

function resultSentence(a: AnalysisResults): string {
  const nouns = subjectNouns(a.sex);
  const rate = a.outcomes.rate;
  if (!a.findings.publishable) {
    return `The treatment and comparison groups could not be matched closely enough for the results to show how the programme affects a ${nouns.one}'s reoffending behaviour (see the warning on matching quality).`;
  }
  if (!rate.significant || rate.difference === null) {
    return `The overall results show that more ${nouns.many} would need to have completed the programme and be available for analysis in order to determine the way in which the programme affects a ${nouns.one}'s reoffending behaviour, but this should not be taken to mean that the programme fails to affect it.`;
  }
  const likely = rate.difference < 0 ? 'less' : 'more';
  return `The overall results show that ${nouns.many} who took part in the programme were ${likely} likely to commit a proven reoffence within a one-year period than similar ${nouns.many} who did not take part.`;
}

/** Submitted participants: the first step of the funnel. */
export function submittedCount(funnel: { step: string; remaining: number }[]): number {
  return funnel.find((s) => s.step === 'submitted')?.remaining ?? 0;
}

/** "some time between 2011 and 2015" (the reference's words), "in 2013" within one year, from the start dates. */
export function participationWords(p: ParticipationPeriod | null | undefined): string {
  if (!p) return 'in the programme';
  const [first, last] = [p.firstStart.slice(0, 4), p.lastStart.slice(0, 4)];
  return first === last ? `some time in ${first}` : `some time between ${first} and ${last}`;
}

export function summaryParagraphs(a: AnalysisResults, organisation: string, submitted: number, participation?: ParticipationPeriod | null): string[] {
  const nouns = subjectNouns(a.sex);
  const n = a.treatment.n;
  const larger = a.comparison.records > n ? 'much larger ' : '';
  const paragraphs = [
    `This analysis looked at the reoffending behaviour of ${countNoun(n, nouns)} who took part in ${organisation}. ${resultSentence(a)}`,
    `This analysis of ${organisation} measured proven reoffences in a one-year period for a 'treatment group' of ${countNoun(n, nouns)} who participated ${participationWords(participation)}, and for a ${larger}'comparison group' of similar ${nouns.many} who were not part of the programme (${formatCount(a.comparison.records)} records). The analysis estimates the impact of the programme on ${nouns.many} who have similar characteristics to those in the treatment group.`,
  ];
  const others = submitted - n;
  if (others > 0) {
    paragraphs.push(
      `The treatment group was made up of ${countNoun(n, PARTICIPANT)} who met the minimum criteria to be included in this analysis. For the other ${countNoun(others, PARTICIPANT)} whose details were submitted, but who did not meet the minimum criteria, it is possible that the programme may have had a different impact.`,
    );
  }
  return paragraphs;
}
