// Order of record ids for "on equal dates, the greater record_id" (DATA-FORMAT.md section 5).
// The spec does not say how ids compare: ids that are both plain whole numbers compare as
// numbers (so 10 > 9, as an analyst reading them would expect); otherwise by code units.

const WHOLE_NUMBER = /^\d+$/;

/** Negative, zero or positive as a is less than, equal to or greater than b. */
export function compareRecordIds(a: string, b: string): number {
  if (WHOLE_NUMBER.test(a) && WHOLE_NUMBER.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
