// Dates are stored as whole days since 1970-01-01 UTC: the derivation works on day numbers.
const MS_PER_DAY = 86_400_000;
const DIGIT_0 = 48;
const DASH = 45;
const SLASH = 47;

/** Days from 1970-01-01 to year-month-day (proleptic Gregorian; H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export const DAY_1900_01_01 = daysFromCivil(1900, 1, 1);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Value of the digits text[from..to), or -1 if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * year * 10000 + month * 100 + day of text shaped YYYY-MM-DD, or (when `dmy`) D/M/YYYY with one
 * or two digit day and month; -1 for any other shape. The month and day are not checked here.
 * Scanning character codes instead of a regex and Date: this runs for millions of cells.
 */
function dateFields(text: string, dmy: boolean): number {
  const n = text.length;
  if (n === 10 && text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    return year < 0 || month < 0 || day < 0 ? -1 : year * 10_000 + month * 100 + day;
  }
  if (!dmy || n < 8 || n > 10 || text.charCodeAt(n - 5) !== SLASH) return -1;
  const firstSlash = text.indexOf('/');
  if (firstSlash < 1 || firstSlash > 2 || n - 5 - firstSlash - 1 < 1 || n - 5 - firstSlash - 1 > 2) return -1;
  const day = digits(text, 0, firstSlash);
  const month = digits(text, firstSlash + 1, n - 5);
  const year = digits(text, n - 4, n);
  return year < 0 || month < 0 || day < 0 ? -1 : year * 10_000 + month * 100 + day;
}

/**
 * Day number of an ISO date (always accepted) or of DD/MM/YYYY when `dmy`; NaN when the text is
 * not a date or names an impossible one (2015-02-30).
 */
export function parseDay(text: string, dmy: boolean): number {
  const fields = dateFields(text, dmy);
  if (fields < 0) return NaN;
  const year = Math.floor(fields / 10_000);
  const month = Math.floor(fields / 100) % 100;
  const day = fields % 100;
  if (month < 1 || month > 12 || day < 1) return NaN;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1])) return NaN;
  return daysFromCivil(year, month, day);
}

export function looksLikeDate(text: string, dmy: boolean): boolean {
  return dateFields(text, dmy) >= 0;
}

export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today's UTC day number, or the given ISO date's (tests pass a fixed "today"). */
export function todayDay(today?: string): number {
  if (today === undefined) return Math.floor(Date.now() / MS_PER_DAY);
  const day = parseDay(today, false);
  if (Number.isNaN(day)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  return day;
}
