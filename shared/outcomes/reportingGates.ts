// Which measures a report may show, and why a hidden one is hidden (METHOD.md section 8).
import type { CourtOutcome } from '../cohort/recordOutcomes';

export const MIN_REOFFENDERS = 30;
export const MIN_EVENTS = 10;
export const MIN_TREATED = 60;

export type MeasureKey =
  | 'rate'
  | 'frequency'
  | 'daysToFirst'
  | 'courtOutcomeRate'
  | 'courtOutcomeFrequency'
  | 'custodialRate'
  | 'custodialFrequency';

export interface Gate {
  shown: boolean;
  /** A sentence for the UI and report; null when shown. */
  hiddenReason: string | null;
}

const COURT_WORDS: Record<CourtOutcome, string> = { indictable: 'indictable', either_way: 'either way', summary: 'summary' };

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Events are whole numbers for every gated measure; rounding only removes float noise from n_T x y_T. */
function eventsTooFew(measure: MeasureKey, court: CourtOutcome, events: number): string {
  const k = Math.round(events);
  const words = COURT_WORDS[court];
  const article = court === 'either_way' || court === 'indictable' ? 'an' : 'a';
  // "only 0" reads badly: none is "no".
  const what =
    measure === 'courtOutcomeRate'
      ? k === 0
        ? `no reoffender in the treatment group had a first reoffence with ${article} ${words} court outcome`
        : `only ${plural(k, 'reoffender', 'reoffenders')} in the treatment group had a first reoffence with ${article} ${words} court outcome`
      : k === 0
        ? `the treatment group committed no ${words} reoffences`
        : `the treatment group committed only ${plural(k, `${words} reoffence`, `${words} reoffences`)}`;
  return `Not shown because ${what}; at least ${MIN_EVENTS} are needed for a reliable estimate.`;
}

/**
 * Rate and frequency are always shown. Time to first reoffence and Tables 4-7 (reoffenders only) need
 * at least 30 reoffenders in the treatment group; a by-court-outcome row also needs n_T x y_T >= 10.
 */
export function measureGate(measure: MeasureKey, treatmentReoffenders: number, events: number, court?: CourtOutcome): Gate {
  if (measure === 'rate' || measure === 'frequency') return { shown: true, hiddenReason: null };
  if (treatmentReoffenders < MIN_REOFFENDERS) {
    const subject = measure === 'daysToFirst' ? 'Time to first reoffence was left out' : 'This measure of reoffenders only was left out';
    return {
      shown: false,
      hiddenReason: `${subject} because of low numbers: the treatment group has ${plural(treatmentReoffenders, 'reoffender', 'reoffenders')}, and at least ${MIN_REOFFENDERS} are needed.`,
    };
  }
  if ((measure === 'courtOutcomeRate' || measure === 'courtOutcomeFrequency') && court !== undefined && events < MIN_EVENTS) {
    return { shown: false, hiddenReason: eventsTooFew(measure, court, events) };
  }
  return { shown: true, hiddenReason: null };
}

/** A significant measure goes in the "significant results" list only when shown and with n_T x y_T >= 10. */
export function inSignificantResults(measure: { significant: boolean; shown: boolean; events: number }): boolean {
  return measure.significant && measure.shown && measure.events >= MIN_EVENTS;
}
