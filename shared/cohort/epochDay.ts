// Calendar dates as whole days since 1970-01-01 (UTC), the representation every cohort array uses.
// Conversions follow H. Hinnant's civil-from-days / days-from-civil algorithms (proleptic Gregorian).

/** Days since 1970-01-01 of a valid civil date (month 1-12, day 1-31); no range check here. */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1-12) and day (1-31) of an epoch day. */
export function civilFromEpochDay(epochDay: number): [year: number, month: number, day: number] {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch day of an ISO `YYYY-MM-DD` date; NaN when malformed or impossible (2015-02-30). */
export function epochDayFromIso(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return NaN;
  const epochDay = epochDayFromCivil(year, month, day);
  const back = civilFromEpochDay(epochDay);
  return back[1] === month && back[2] === day ? epochDay : NaN;
}

/** ISO `YYYY-MM-DD` of an epoch day (years 0-9999). */
export function isoFromEpochDay(epochDay: number): string {
  const [y, m, d] = civilFromEpochDay(epochDay);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
