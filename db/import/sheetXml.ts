// The hot loop of the XLSX reader: a scanner for SpreadsheetML's sheet data and shared strings,
// which are a few element kinds repeated millions of times (<row>, <c>, <v>, <is>/<si> with <t>).
// A generic SAX parser's event per tag made a 300,000-row sheet 15 times slower to read than the
// same rows as CSV; this reads complete elements with indexOf and leaves the rest for the next
// chunk. Workbook, relationships and styles are small and go through saxes (xlsxRecords.ts).

export interface ScannedCell {
  /** Zero-based column (from the `r` reference; the next column when there is none). */
  column: number;
  /** The `t` attribute (default 'n'). */
  type: string;
  /** The `s` attribute (default 0). */
  style: number;
  /** The <v> text, or an inline string's text; entities decoded. */
  value: string;
}

export interface ScannedRow {
  /** The `r` attribute (1-based sheet row; the next row when there is none). */
  number: number;
  cells: ScannedCell[];
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED[e],
  );
}

/** The r, s and t attributes of a start tag's text (one pass: a cell's tag is short and read millions of times). */
function cellAttributes(tag: string): { r: string | null; s: string | null; t: string | null } {
  const out: { r: string | null; s: string | null; t: string | null } = { r: null, s: null, t: null };
  const n = tag.length;
  let i = 0;
  while (i < n) {
    const eq = tag.indexOf('=', i);
    if (eq < 0) break;
    const name = tag.slice(i, eq).trim();
    const quote = tag[eq + 1];
    const close = tag.indexOf(quote, eq + 2);
    if (close < 0) break;
    if (name === 'r' || name === 's' || name === 't') out[name] = decodeXmlText(tag.slice(eq + 2, close));
    i = close + 1;
  }
  return out;
}

/** Zero-based column of a cell reference such as "AB12". */
export function columnOfRef(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  return column - 1;
}

/** Whether `text` has the start tag `<name` at `at` (and not a longer name such as <col at <c). */
function isTag(text: string, at: number, open: string): boolean {
  const next = text.charCodeAt(at + open.length);
  return next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13;
}

function indexOfTag(text: string, open: string, from: number, before: number): number {
  for (let at = text.indexOf(open, from); at >= 0 && at < before; at = text.indexOf(open, at + 1)) {
    if (isTag(text, at, open)) return at;
  }
  return -1;
}

/** The text of every <t> in `xml` (an <si> or <is> element's content), leaving out phonetic runs. */
function runsText(xml: string, p: string): string {
  const body = xml.includes(`<${p}rPh`) ? xml.replace(new RegExp(`<${p}rPh[\\s>][\\s\\S]*?</${p}rPh>`, 'g'), '') : xml;
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let out = '';
  for (let at = indexOfTag(body, open, 0, body.length); at >= 0; at = indexOfTag(body, open, at + 1, body.length)) {
    const tagEnd = body.indexOf('>', at);
    if (body.charCodeAt(tagEnd - 1) === 47) continue; // <t/>
    const end = body.indexOf(close, tagEnd);
    out += body.slice(tagEnd + 1, end);
    at = end;
  }
  return decodeXmlText(out);
}

/** The namespace prefix the document uses for its elements ('' or e.g. 'x:'), from a tag it must have. */
export function elementPrefix(text: string, localName: string): string | null {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>/]`).exec(text);
  return m ? (m[1] ?? '') : null;
}

/**
 * The complete rows in `text` from `from`; `consumed` is where the first incomplete one starts
 * (keep text from there for the next chunk).
 */
export function scanRows(text: string, p: string, from: number, previousRow: number): { rows: ScannedRow[]; consumed: number } {
  const rows: ScannedRow[] = [];
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  const cOpen = `<${p}c`;
  const cClose = `</${p}c>`;
  const vOpen = `<${p}v`;
  const vClose = `</${p}v>`;
  let pos = from;
  let number = previousRow;
  for (;;) {
    const start = indexOfTag(text, rowOpen, pos, text.length);
    if (start < 0) return { rows, consumed: pos };
    const tagEnd = text.indexOf('>', start);
    if (tagEnd < 0) return { rows, consumed: start };
    const r = cellAttributes(text.slice(start + rowOpen.length, tagEnd)).r;
    number = r === null ? number + 1 : Number(r);
    if (text.charCodeAt(tagEnd - 1) === 47) {
      rows.push({ number, cells: [] });
      pos = tagEnd + 1;
      continue;
    }
    const end = text.indexOf(rowClose, tagEnd);
    if (end < 0) return { rows, consumed: start };
    const cells: ScannedCell[] = [];
    let at = tagEnd + 1;
    for (;;) {
      const c = indexOfTag(text, cOpen, at, end);
      if (c < 0) break;
      const cTagEnd = text.indexOf('>', c);
      const empty = text.charCodeAt(cTagEnd - 1) === 47;
      const { r: ref, s: style, t: type } = cellAttributes(text.slice(c + cOpen.length, empty ? cTagEnd - 1 : cTagEnd));
      const cell: ScannedCell = {
        column: ref === null ? (cells.length ? cells[cells.length - 1].column + 1 : 0) : columnOfRef(ref),
        type: type ?? 'n',
        style: style === null ? 0 : Number(style),
        value: '',
      };
      if (empty) {
        at = cTagEnd + 1;
      } else {
        const cEnd = text.indexOf(cClose, cTagEnd);
        if (cell.type === 'inlineStr') {
          cell.value = runsText(text.slice(cTagEnd + 1, cEnd), p);
        } else {
          const v = indexOfTag(text, vOpen, cTagEnd, cEnd);
          if (v >= 0) {
            const vTagEnd = text.indexOf('>', v);
            if (text.charCodeAt(vTagEnd - 1) !== 47) cell.value = decodeXmlText(text.slice(vTagEnd + 1, text.indexOf(vClose, vTagEnd)));
          }
        }
        at = cEnd + cClose.length;
      }
      cells.push(cell);
    }
    rows.push({ number, cells });
    pos = end + rowClose.length;
  }
}

/** The complete shared strings (<si>) in `text` from `from`, and where the first incomplete one starts. */
export function scanSharedStrings(text: string, p: string, from: number): { strings: string[]; consumed: number } {
  const strings: string[] = [];
  const open = `<${p}si`;
  const close = `</${p}si>`;
  let pos = from;
  for (;;) {
    const start = indexOfTag(text, open, pos, text.length);
    if (start < 0) return { strings, consumed: pos };
    const tagEnd = text.indexOf('>', start);
    if (tagEnd < 0) return { strings, consumed: start };
    if (text.charCodeAt(tagEnd - 1) === 47) {
      strings.push('');
      pos = tagEnd + 1;
      continue;
    }
    const end = text.indexOf(close, tagEnd);
    if (end < 0) return { strings, consumed: start };
    strings.push(runsText(text.slice(tagEnd + 1, end), p));
    pos = end + close.length;
  }
}
