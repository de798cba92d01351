// One CSV field (RFC 4180 quoting). A value that a spreadsheet would run as a formula (=, +, -, @ at the start, and
// not simply a number such as "-3") gets a leading apostrophe: values come from untrusted files, and CSVs are opened
// in Excel.
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A number's text is digits, '.', 'e', '+', '-', NaN or Infinity: nothing to quote, and only a leading minus can
  // start a formula (the exports write hundreds of thousands of scores and weights, so the checks are skipped).
  if (typeof value === 'number' && text.charCodeAt(0) !== 45) return text;
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
