// Turns one trimmed, non-blank cell into its stored value under a role's rule, or says why not.
import type { ValueRule } from '../../shared/extract/extractRoles';
import { COURT_OUTCOMES } from '../../shared/cohort/recordOutcomes';
import { DAY_1900_01_01, dayToIso, looksLikeDate, parseDay } from './dayNumber';

export interface CellContext {
  dmy: boolean;
  /** Last acceptable day (today). */
  maxDay: number;
}

/** Returned by convertCell for a value that breaks its rule; explainCell then says why. */
export const INVALID = Symbol('invalid');

const WHOLE = /^\+?\d+$/;
const OUTCOMES: ReadonlySet<string> = new Set(COURT_OUTCOMES);

/** The hot path: no allocation beyond the stored value; `text` is already trimmed and non-blank. */
export function convertCell(rule: ValueRule, text: string, ctx: CellContext): string | number | typeof INVALID {
  switch (rule) {
    case 'text':
      return text;
    case 'date': {
      const day = parseDay(text, ctx.dmy);
      return day >= DAY_1900_01_01 && day <= ctx.maxDay ? day : INVALID;
    }
    case 'sex':
      // Case is not meaningful here; the store keeps the canonical capital.
      return text === 'M' || text === 'F' ? text : text === 'm' || text === 'f' ? text.toUpperCase() : INVALID;
    case 'flag':
      return text === '0' ? 0 : text === '1' ? 1 : INVALID;
    case 'oasys':
      return text === '0' ? 0 : text === '1' ? 1 : text === '2' ? 2 : INVALID;
    case 'count': {
      if (!WHOLE.test(text)) return INVALID;
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : INVALID;
    }
    case 'courtOutcome': {
      const v = text.toLowerCase();
      return OUTCOMES.has(v) ? v : INVALID;
    }
  }
}

/** The message for a value convertCell refused (only called on the error path). */
export function explainCell(rule: ValueRule, text: string, ctx: CellContext): string {
  switch (rule) {
    case 'date': {
      if (!looksLikeDate(text, ctx.dmy)) return `is not a date (expected ${ctx.dmy ? 'DD/MM/YYYY or YYYY-MM-DD' : 'YYYY-MM-DD'})`;
      const day = parseDay(text, ctx.dmy);
      if (Number.isNaN(day)) return 'is not a real date (no such day in that month)';
      if (day < DAY_1900_01_01) return 'is before 1900-01-01';
      return `is after today (${dayToIso(ctx.maxDay)})`;
    }
    case 'sex':
      return 'sex must be M or F';
    case 'flag':
      return 'must be 1 or 0';
    case 'oasys':
      return 'an OASys item must be 0, 1, 2 or blank';
    case 'count':
      return 'a count must be a whole number >= 0';
    case 'courtOutcome':
      return `court_outcome must be one of ${COURT_OUTCOMES.join(', ')}`;
    case 'text':
      return 'is not valid';
  }
}
