// "people", or "men"/"women" in a single-sex analysis (METHOD.md section 9).
import { formatCount } from '../format/numberFormat';

export interface Noun {
  one: string;
  many: string;
}

/** The analysis's sex: 'M' or 'F' when every treated person is of that sex, null when mixed. */
export type AnalysisSex = 'M' | 'F' | null;

export function subjectNouns(sex: AnalysisSex): Noun {
  if (sex === 'M') return { one: 'man', many: 'men' };
  if (sex === 'F') return { one: 'woman', many: 'women' };
  return { one: 'person', many: 'people' };
}

/** A whole count with its noun: "1 person", "6 people", "1,032 people". */
export function countNoun(count: number, noun: Noun): string {
  return `${formatCount(count)} ${Math.abs(count) === 1 ? noun.one : noun.many}`;
}

/** A figure already written out, with its noun: singular only for exactly "1" ("0.3 days", "1 day"). */
export function figureNoun(figure: string, noun: Noun): string {
  return `${figure} ${figure === '1' ? noun.one : noun.many}`;
}
