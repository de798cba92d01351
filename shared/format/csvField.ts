// The one CSV writer of every CSV the app writes (matches, import problems, the demo extract):
// RFC 4180 quoting, and formula defusing. Cells come from files the analyst did not write (record
// ids, values of a rejected row), and the CSVs are meant to be opened in a spreadsheet, which runs
// a cell starting with = + - @ (or a tab or carriage return before one) as a formula:
// `+1+cmd|' /C calc'!A0` in a record id would run a program on the analyst's laptop.

/** Starts a formula in Excel, LibreOffice or Google Sheets (full-width forms included). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain number stays as it is: "-3" and "+1.5e-7" are data, not formulas. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One field. Numbers are written as they are; text that a spreadsheet would run as a formula gets
 * a leading apostrophe (the spreadsheet then shows the text, apostrophe hidden), and a field with
 * a separator, quote or line break is quoted.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of fields, without its line end. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',');
}
