// The "Significant results" box: one bullet per significant measure that passes the reporting gates
// (METHOD.md sections 8-9).
import { COURT_OUTCOMES, type CourtOutcome } from '../cohort/recordOutcomes';
import type { MeasureResult, Outcomes } from '../outcomes/computeOutcomes';
import { inSignificantResults, type MeasureKey } from '../outcomes/reportingGates';
import { formatCount } from '../format/numberFormat';

export interface SignificantResult {
  measure: MeasureKey;
  court: CourtOutcome | null;
  /** Number of the report table that holds the measure (1-7). */
  table: number;
  /** The bold part of the bullet. */
  finding: string;
  /** The whole bullet. */
  sentence: string;
}

const TABLE: Record<MeasureKey, number> = {
  rate: 1,
  frequency: 2,
  daysToFirst: 3,
  courtOutcomeRate: 4,
  courtOutcomeFrequency: 5,
  custodialRate: 6,
  custodialFrequency: 7,
};

const COURT_WORDS: Record<CourtOutcome, { words: string; article: string }> = {
  indictable: { words: 'indictable', article: 'an' },
  either_way: { words: 'either way', article: 'an' },
  summary: { words: 'summary', article: 'a' },
};

function courtWords(court: CourtOutcome | null): { words: string; article: string } {
  if (court === null) throw new Error('A by-court-outcome measure needs its court outcome.');
  return COURT_WORDS[court];
}

const REOFFENDERS = 'Participants who reoffend within a one-year period';

function finding(measure: MeasureKey, lower: boolean, court: CourtOutcome | null): string {
  const fewer = lower ? 'fewer' : 'more';
  const likely = lower ? 'less likely' : 'more likely';
  switch (measure) {
    case 'rate':
      return `Participants are ${likely} to commit a proven reoffence within a one-year period`;
    case 'frequency':
      return `Participants commit ${fewer} proven reoffences within a one-year period`;
    case 'daysToFirst':
      return `${REOFFENDERS} ${lower ? 'commit their first proven reoffence sooner' : 'take longer to commit their first proven reoffence'}`;
    case 'courtOutcomeRate': {
      const c = courtWords(court);
      return `${REOFFENDERS} are ${likely} to have ${c.article} ${c.words} offence as their first reoffence`;
    }
    case 'courtOutcomeFrequency':
      return `${REOFFENDERS} commit ${fewer} ${courtWords(court).words} reoffences`;
    case 'custodialRate':
      return `${REOFFENDERS} are ${likely} to receive a custodial sentence for their first reoffence`;
    case 'custodialFrequency':
      return `${REOFFENDERS} receive ${fewer} custodial sentences`;
  }
}

function entry(measure: MeasureKey, m: MeasureResult, court: CourtOutcome | null): SignificantResult | null {
  if (!inSignificantResults(m) || m.difference === null) return null;
  const text = finding(measure, m.difference < 0, court);
  return { measure, court, table: TABLE[measure], finding: text, sentence: `${text}, when compared with non-participants (Table ${TABLE[measure]}).` };
}

/** In table order, court outcomes most serious first. */
export function significantResults(outcomes: Outcomes): SignificantResult[] {
  const all: (SignificantResult | null)[] = [
    entry('rate', outcomes.rate, null),
    entry('frequency', outcomes.frequency, null),
    entry('daysToFirst', outcomes.daysToFirst, null),
    ...COURT_OUTCOMES.map((c) => entry('courtOutcomeRate', outcomes.courtOutcomeRate[c], c)),
    ...COURT_OUTCOMES.map((c) => entry('courtOutcomeFrequency', outcomes.courtOutcomeFrequency[c], c)),
    entry('custodialRate', outcomes.custodialRate, null),
    entry('custodialFrequency', outcomes.custodialFrequency, null),
  ];
  return all.filter((r): r is SignificantResult => r !== null);
}

const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

/** "Two", as the reference report writes small counts that open a sentence; larger ones in figures. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? formatCount(n);
}

/** "Two measures show a statistically significant result<where>. These provide significant evidence that:". */
export function significantResultsIntro(count: number, where: string): string {
  return `${numberWord(count)} ${count === 1 ? 'measure shows' : 'measures show'} a statistically significant result${where}. ${count === 1 ? 'This provides' : 'These provide'} significant evidence that:`;
}

/** Said in the box when no measure of the analyses it covers is significant. */
export function noSignificantResults(where: string): string {
  return `No measure shows a statistically significant result ${where}.`;
}
