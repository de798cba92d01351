// When an extract's text counts as a number (DATA-FORMAT.md section 1: an extra column is numeric
// when every non-blank value is one): the importer types columns by it, the import screen hints by it.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isNumericText(text: string): boolean {
  return NUMBER.test(text);
}
