// Dates are stored as whole days since 1970-01-01 UTC: the derivation works on day numbers.
const MS_PER_DAY = 86_400_000;

export const DAY_1900_01_01 = Date.UTC(1900, 0, 1) / MS_PER_DAY;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromParts(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * Day number of an ISO date (always accepted) or of DD/MM/YYYY when `dmy`; NaN when the text is
 * not a date or names an impossible one (2015-02-30).
 */
export function parseDay(text: string, dmy: boolean): number {
  let m = ISO.exec(text);
  if (m) return fromParts(+m[1], +m[2], +m[3]);
  if (dmy && (m = DMY.exec(text))) return fromParts(+m[3], +m[2], +m[1]);
  return NaN;
}

export function looksLikeDate(text: string, dmy: boolean): boolean {
  return ISO.test(text) || (dmy && DMY.test(text));
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
