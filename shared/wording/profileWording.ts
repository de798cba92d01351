// The words of a group profile (METHOD.md section 10) as the reference report's "Profile of the treatment group"
// prints them ("86% male, 14% female", "69% had some or significant problems with employment history"), once for
// the app's Cohort screen and the report.
import type { GroupProfileView, ProfileBreakdownView } from '../api';
import { formatCount, formatFixed, formatPercent } from '../format/numberFormat';

/** How a share reads inside a sentence, by breakdown and key; otherwise the profile's own label. */
const IN_SENTENCE: Record<string, Record<string, string>> = {
  sex: { male: 'male', female: 'female' },
  ethnicity: { white: 'white', other: 'Black, Asian, other and unknown' },
  ukNational: { uk: 'UK nationals', non_uk: 'non-UK nationals', unknown: 'nationality unknown' },
};

/** A share as a percentage: whole, "<1%" for one that is not 0 but rounds to 0; "n/a" for none (NaN, or null in JSON). */
export function sharePercent(percent: number | null): string {
  return percent === null || !Number.isFinite(percent) ? 'n/a' : formatPercent(percent / 100);
}

/** "86% male, 14% female": every share of the breakdown, in the profile's order. */
export function breakdownSentence(kind: keyof typeof IN_SENTENCE, b: ProfileBreakdownView): string {
  return b.shares.map((s) => `${sharePercent(s.percent)} ${IN_SENTENCE[kind][s.key] ?? s.label}`).join(', ');
}

/** "Aged 18 to 55 at the index date (mean age 36 years)". */
export function ageSentence(age: { min: number; max: number; mean: number }): string {
  return `Aged ${age.min} to ${age.max} at the index date (mean age ${formatFixed(age.mean, 0)} years)`;
}

export const SENTENCE_BANDS_HEADING = 'Sentence type at the index date:';

/** "Custody, under 6 months: 48%". */
export function sentenceBandLine(share: { label: string; percent: number }): string {
  return `${share.label}: ${sharePercent(share.percent)}`;
}

/** Known OASys items in the reference report's words; any other `oasys_*` column by its own name. */
const RISK_NEED_WORDS: Record<string, string> = {
  oasys_accommodation: 'accommodation',
  oasys_employment: 'employment history',
  oasys_education: 'education, training and employability',
  oasys_finance: 'financial management',
  oasys_relationships: 'relationships',
  oasys_lifestyle: 'lifestyle and associates',
  oasys_drugs: 'drug use',
  oasys_alcohol: 'alcohol use',
  oasys_emotional: 'emotional well-being',
  oasys_thinking: 'thinking and behaviour',
  oasys_attitudes: 'attitudes',
};

export function riskNeedLabel(item: string): string {
  return RISK_NEED_WORDS[item] ?? item.replace(/^oasys_/, '').replace(/_/g, ' ');
}

/** "69% had some or significant problems with employment history"; a null or NaN percent = nobody assessed. */
export function riskNeedSentence(item: { item: string; percent: number | null }): string {
  const what = riskNeedLabel(item.item);
  if (item.percent === null || !Number.isFinite(item.percent)) return `Nobody was assessed on ${what}`;
  return `${sharePercent(item.percent)} had some or significant problems with ${what}`;
}

/** " (of the 40 assessed on it)" when an item was assessed for fewer people than the group's assessed count. */
export function riskNeedAssessedNote(item: { assessed: number }, groupAssessed: number): string | null {
  return item.assessed < groupAssessed ? `(of the ${formatCount(item.assessed)} assessed on it)` : null;
}

function people(n: number): string {
  return n === 1 ? '1 person' : `${formatCount(n)} people`;
}

export function riskNeedsIntro(r: { assessed: number; assessedPercent: number }): string {
  return `Information on individual risks and needs was available for ${people(r.assessed)} in the treatment group (${sharePercent(r.assessedPercent)}), recorded near to the time of their original conviction. Among these people, it is estimated that:`;
}

export const NO_RISK_NEEDS = 'No information on individual risks and needs (OASys) was available for this treatment group.';

export function treatmentGroupHeading(n: number): string {
  return `Participants included in the treatment group (${people(n)}, before matching)`;
}

export function notAnalysedHeading(submittedNotAnalysed: number, withData: number): string {
  return `Of the ${formatCount(submittedNotAnalysed)} participant${submittedNotAnalysed === 1 ? '' : 's'} not included in any analysis (${people(withData)} with available data)`;
}

export const NOT_ANALYSED_NO_INDEX =
  'Age, sentence and risk/need information is not given for this group: many could not be linked to a record for their period of participation.';

export function withoutDataSentence(n: number): string {
  return `For the ${people(n)} who could not be identified in the extract, no personal information is available.`;
}

export function duplicatesSentence(n: number): string {
  return `${n === 1 ? '1 row repeated' : `${formatCount(n)} rows repeated`} a person submitted earlier; each person is described once.`;
}

export const PROFILE_ROUNDING_NOTE = 'Percentages are rounded to whole numbers, so those of a characteristic may not add up to 100%.';

/** The person-level lines of a group (sex, ethnicity, nationality), age and sentence bands as the report lists them. */
export function profileLines(g: GroupProfileView, withIndex: boolean): { lines: string[]; bands: string[] } {
  const lines = [breakdownSentence('sex', g.sex)];
  if (g.ethnicity) lines.push(breakdownSentence('ethnicity', g.ethnicity));
  if (g.ukNational) lines.push(breakdownSentence('ukNational', g.ukNational));
  if (withIndex && g.age) lines.push(ageSentence(g.age));
  return { lines, bands: withIndex && g.sentence ? g.sentence.shares.map(sentenceBandLine) : [] };
}

/** True when any breakdown's rounded percentages do not add up to 100. */
export function profileNeedsRoundingNote(groups: GroupProfileView[]): boolean {
  return groups.some((p) => [p.sex, p.ethnicity, p.ukNational, p.sentence].some((b) => b?.roundingNote));
}
