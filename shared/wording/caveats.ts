// "What these results can and cannot tell you": the report's caveats for a reader who is not a statistician
// (issue 11): what matching cannot control for, what the one-year measure counts and leaves out, why a result that
// is not significant is not evidence of no effect, and who the results describe.
import { formatCount } from '../format/numberFormat';

export interface CaveatSettings {
  followUpDays: number;
  waitingDays: number;
  alpha: number;
}

export interface Caveat {
  heading: string;
  paragraphs: string[];
}

export function generalCaveats(s: CaveatSettings): Caveat[] {
  const confidence = `${formatCount(100 * (1 - s.alpha))}%`;
  return [
    {
      heading: 'Matching cannot control for what was not recorded',
      paragraphs: [
        'The comparison group was chosen to be like the participants on what the records hold: age, sex, ethnicity, offending history, the index offence and sentence and, where available, assessed risks and needs. Matching cannot make the groups alike on anything the records do not hold, such as a person’s motivation to change, the support of family and friends, housing or work found after release, or the reasons they were referred to the programme.',
        'If people who took part differ from the comparison group in such ways, part of any difference in reoffending may come from those differences and not from the programme. This is why the results speak of evidence, not proof.',
      ],
    },
    {
      heading: 'What the one-year measure counts, and what it leaves out',
      paragraphs: [
        `A proven reoffence is an offence committed in the ${formatCount(s.followUpDays)} days after the index date (release from custody, or the start of a court order) that led to a conviction or caution, in court or by caution, within that year or a further ${formatCount(s.waitingDays)} days.`,
        'It leaves out offences that were never detected, those that did not lead to a conviction or caution, penalty notices for disorder, and anything after the year. It counts offences, not their harm, and it says nothing about other outcomes the programme may change, such as employment, housing, health or family life.',
      ],
    },
    {
      heading: 'A result that is not statistically significant is not evidence of no effect',
      paragraphs: [
        'A difference is statistically significant when it is unlikely to be due to chance alone. When a result is not significant, this analysis could not tell the programme’s effect apart from chance with the number of people it had: the programme may still have a worthwhile effect, in either direction.',
        `The ${confidence} confidence interval of each estimate gives the range of effects the data are consistent with. A wide interval that spans zero means more participants are needed before a conclusion can be drawn; where the rate is not significant, the report says how many.`,
      ],
    },
    {
      heading: 'Who the results describe',
      paragraphs: [
        'The results describe people like those in the treatment group: participants who met the criteria for the analysis and could be matched. Participants who were left out, or for whom no similar enough person could be found, may have responded to the programme differently, and so may future participants if the programme or its referrals change.',
      ],
    },
  ];
}
