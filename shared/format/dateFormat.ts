// Dates as people read them, in the app and the report alike: en-GB, local time, "29 November 2026, 15:42" (or
// "29 November 2026" for a day). ISO 8601 stays in machine files (results.json, the annex's data, the audit store).

const DAY_PARTS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const TIME_PARTS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function parts(date: Date, options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).formatToParts(date)) out[p.type] = p.value;
  return out;
}

function toDate(value: string | Date): Date {
  // A bare "YYYY-MM-DD" is a calendar day, not UTC midnight (which is the day before west of Greenwich).
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(y, m - 1, d);
  }
  return new Date(value);
}

/** "29 November 2026, 15:42" in local time (or `timeZone`); the text as given when it is not a date. */
export function formatDateTime(value: string | Date, timeZone?: string): string {
  return dateTime(value, timeZone, false);
}

/** "29 November 2026, 15:42:07": to tell apart two things made in the same minute. */
export function formatDateTimeSeconds(value: string | Date, timeZone?: string): string {
  return dateTime(value, timeZone, true);
}

function dateTime(value: string | Date, timeZone: string | undefined, seconds: boolean): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const p = parts(date, { ...DAY_PARTS, ...TIME_PARTS, ...(seconds ? { second: '2-digit' } : {}) }, timeZone);
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** "29 November 2026"; a bare "YYYY-MM-DD" is taken as that calendar day. */
export function formatDate(value: string | Date, timeZone?: string): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const p = parts(date, DAY_PARTS, timeZone);
  return `${p.day} ${p.month} ${p.year}`;
}

