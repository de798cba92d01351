// Writes XLSX files for the tests and benchmarks as Excel does (shared strings, date cells with a
// date style), with the zip's entries in a chosen order: Excel puts the sheets before the shared
// strings, other writers after.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';

export type XlsxCell = string | number | Date | null;
export type EntryOrder = 'sheet-first' | 'strings-first';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(k: number): string {
  let name = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const DAY_MS = 86_400_000;
/** Style 1 is a date (built-in format 14). */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/**
 * Writes `rows` as sheet "Sheet1" (first) of a workbook, and `sheets` extra sheets after it.
 * Text goes to the shared strings, like Excel.
 */
export async function writeXlsx(path: string, rows: Iterable<XlsxCell[]>, order: EntryOrder, otherSheets: string[] = []): Promise<void> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const stringIndex = (s: string) => {
    let k = index.get(s);
    if (k === undefined) {
      k = strings.length;
      index.set(s, k);
      strings.push(s);
    }
    return k;
  };
  // The sheet's XML is made before the shared strings (it fills them), in chunks.
  const chunks: Buffer[] = [Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')];
  let r = 0;
  let text = '';
  for (const row of rows) {
    r++;
    text += `<row r="${r}">`;
    row.forEach((v, k) => {
      const ref = `${columnName(k)}${r}`;
      if (v === null || v === '') return;
      if (typeof v === 'number') text += `<c r="${ref}"><v>${v}</v></c>`;
      else if (v instanceof Date) text += `<c r="${ref}" s="1"><v>${v.getTime() / DAY_MS + 25569}</v></c>`;
      else text += `<c r="${ref}" t="s"><v>${stringIndex(v)}</v></c>`;
    });
    text += '</row>';
    if (text.length > 1 << 20) {
      chunks.push(Buffer.from(text));
      text = '';
    }
  }
  chunks.push(Buffer.from(text + '</sheetData></worksheet>'));
  const sharedStrings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`;
  const names = ['Sheet1', ...otherSheets];
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, k) => `<sheet name="${escapeXml(n)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const emptySheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>notes</t></is></c></row></sheetData></worksheet>';

  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(workbook), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(rels), 'xl/_rels/workbook.xml.rels');
  const addStrings = () => zip.addBuffer(Buffer.from(sharedStrings), 'xl/sharedStrings.xml');
  if (order === 'strings-first') addStrings();
  zip.addReadStream(Readable.from(chunks), 'xl/worksheets/sheet1.xml');
  otherSheets.forEach((_, k) => zip.addBuffer(Buffer.from(emptySheet), `xl/worksheets/sheet${k + 2}.xml`));
  if (order === 'sheet-first') addStrings();
  zip.addBuffer(Buffer.from(STYLES), 'xl/styles.xml');
  zip.end();
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  await finished(out);
}

/** The ISO date cells of a CSV text as Date cells and number-looking cells as numbers, like Excel opening it. */
export function csvCellAsExcel(text: string): XlsxCell {
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T00:00:00Z`);
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(text)) return Number(text);
  return text;
}
