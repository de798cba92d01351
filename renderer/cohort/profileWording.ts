// Wording of a group profile (METHOD.md section 10) as the reference report's "Profile of the
// treatment group" prints it: "86% male, 14% female", "69% had some or significant problems with ...".
import type { ProfileBreakdownView } from '../../shared/api';
import { formatFixed, formatPercent } from '../../shared/format/numberFormat';

/** How a share reads inside a sentence, by breakdown and key; otherwise the service's label. */
const IN_SENTENCE: Record<string, Record<string, string>> = {
  sex: { male: 'male', female: 'female' },
  ethnicity: { white: 'white', other: 'Black, Asian, other and unknown' },
  ukNational: { uk: 'UK nationals', non_uk: 'non-UK nationals', unknown: 'nationality unknown' },
};

/** "86% male, 14% female": every share of the breakdown, in the service's order. */
export function breakdownSentence(kind: keyof typeof IN_SENTENCE, b: ProfileBreakdownView): string {
  return b.shares.map((s) => `${formatPercent(s.percent / 100)} ${IN_SENTENCE[kind][s.key] ?? s.label}`).join(', ');
}

/** "Aged 18 to 55 at the index date (mean age 36 years)". */
export function ageSentence(age: { min: number; max: number; mean: number }): string {
  return `Aged ${age.min} to ${age.max} at the index date (mean age ${formatFixed(age.mean, 0)} years)`;
}

/** Known OASys items in the report's words; any other `oasys_*` column by its own name. */
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

/** "69% had some or significant problems with employment history"; null percent = nobody assessed. */
export function riskNeedSentence(item: { item: string; percent: number | null }): string {
  const what = riskNeedLabel(item.item);
  if (item.percent === null) return `Nobody was assessed on ${what}`;
  return `${formatPercent(item.percent / 100)} had some or significant problems with ${what}`;
}
