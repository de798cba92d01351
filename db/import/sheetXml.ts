// The hot loop of the XLSX reader: a scanner for SpreadsheetML's sheet data and shared strings,
// which are a few element kinds repeated millions of times (<row>, <c>, <v>, <is>/<si> with <t>).
// A generic SAX parser's event per tag made a 300,000-row sheet 15 times slower to read than the
// same rows as CSV. The sheet is scanned as UTF-8 bytes, as it comes out of the zip: the text
// between its tags is nearly all numbers (shared-string indexes, dates, counts) that are read
// without first decoding 180 MB of XML into strings; only complete rows are read, and the rest is
// left for the next chunk. Shared strings are read as text. Workbook, relationships and styles
// are small and go through saxes (xlsxRecords.ts).

/** How a cell's content becomes text: the parts that need the rest of the workbook (xlsxRecords.ts). */
export interface CellText {
  /** A t="s" cell: the shared string at `index`. */
  shared(index: number): string;
  /** Whether numbers in cell style `style` are dates. */
  isDate(style: number): boolean;
  /** A date cell's text, from its serial. */
  date(serial: number): string;
}

export interface ScannedRow {
  /** The `r` attribute (1-based sheet row; the next row when there is none). */
  number: number;
  /** The cells' texts by zero-based column (from each cell's `r`; the next column when it has none), '' between them. */
  cells: string[];
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED[e],
  );
}

const QUOTE = 34;
const APOSTROPHE = 39;
const AMPERSAND = 38;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const LETTER_R = 114;
const LETTER_S = 115;
const LETTER_T = 116;

const LESS_THAN = 60;
const GREATER_THAN = 62;
const EQUALS = 61;
const SLASH = 47;

/** Where the byte `code` is in xml[from, to), or -1 (the distances in a sheet are a few bytes). */
function byteIndex(xml: Buffer, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (xml[i] === code) return i;
  return -1;
}

/** Whether `xml` has the bytes of `part` at `at`. */
function hasAt(xml: Buffer, part: Buffer, at: number): boolean {
  if (at + part.length > xml.length) return false;
  for (let i = 0; i < part.length; i++) if (xml[at + i] !== part[i]) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The digits xml[from, to) as a number; NaN when there is anything else (or nothing). */
function digitsAt(xml: Buffer, from: number, to: number): number {
  if (from === to) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml[i];
    if (c < DIGIT_0 || c > DIGIT_9) return NaN;
    n = n * 10 + (c - DIGIT_0);
  }
  return n;
}

/** The text of an attribute value or an element's content, xml[from, to), entities decoded. */
function textAt(xml: Buffer, from: number, to: number): string {
  return decodeXmlText(xml.toString('utf8', from, to));
}

/** A cell's `t`: the one-letter types without a new string each time. */
function typeAt(xml: Buffer, from: number, to: number): string {
  if (to - from === 1) {
    switch (xml[from]) {
      case LETTER_S: return 's';
      case 110: return 'n';
      case 98: return 'b';
      case 101: return 'e';
      case 100: return 'd';
    }
  }
  return textAt(xml, from, to);
}

/** Where a tag's r, s and t attribute values are in the text: [from, to), from -1 when absent. */
interface TagAttributes {
  rFrom: number;
  rTo: number;
  sFrom: number;
  sTo: number;
  tFrom: number;
  tTo: number;
}

/**
 * Finds the r, s and t attributes of the tag text[from, to) without making strings: a sheet has
 * millions of tags.
 */
function readAttributes(xml: Buffer, from: number, to: number, out: TagAttributes): void {
  out.rFrom = out.sFrom = out.tFrom = -1;
  let i = from;
  while (i < to) {
    const eq = byteIndex(xml, EQUALS, i, to);
    if (eq < 0) return;
    let q = eq + 1;
    while (q < to && isSpace(xml[q])) q++;
    const quote = xml[q];
    if (quote !== QUOTE && quote !== APOSTROPHE) return;
    const close = byteIndex(xml, quote, q + 1, to);
    if (close < 0) return;
    let nameFrom = i;
    let nameTo = eq;
    while (nameFrom < nameTo && isSpace(xml[nameFrom])) nameFrom++;
    while (nameTo > nameFrom && isSpace(xml[nameTo - 1])) nameTo--;
    if (nameTo - nameFrom === 1) {
      const name = xml[nameFrom];
      if (name === LETTER_R) {
        out.rFrom = q + 1;
        out.rTo = close;
      } else if (name === LETTER_S) {
        out.sFrom = q + 1;
        out.sTo = close;
      } else if (name === LETTER_T) {
        out.tFrom = q + 1;
        out.tTo = close;
      }
    }
    i = close + 1;
  }
}

/** A whole number written xml[from, to) (a row number, a style, a shared string's index), as Number() reads it. */
function wholeNumberAt(xml: Buffer, from: number, to: number): number {
  const n = digitsAt(xml, from, to);
  return Number.isNaN(n) ? Number(textAt(xml, from, to)) : n;
}

/** The texts of the numbers 0-999 (counts, flags, scores), made once. */
const SMALL_NUMBERS: string[] = Array.from({ length: 1000 }, (_, k) => String(k));

/** A number cell's text, as String(Number(value)) shows it, or its date. */
function numberText(xml: Buffer, from: number, to: number, style: number, cells: CellText): string {
  if (from === to) return '';
  const whole = digitsAt(xml, from, to);
  // Digits without a leading zero, few enough to be exact: the number is the digits.
  if (!Number.isNaN(whole) && to - from <= 15 && (to - from === 1 || xml[from] !== DIGIT_0)) {
    if (cells.isDate(style)) return cells.date(whole);
    return whole < SMALL_NUMBERS.length ? SMALL_NUMBERS[whole] : String(whole);
  }
  const n = Number(textAt(xml, from, to));
  return cells.isDate(style) && Number.isFinite(n) ? cells.date(n) : String(n);
}

/** Zero-based column of a cell reference such as "AB12". */
export function columnOfRef(ref: string): number {
  return columnAt(Buffer.from(ref), 0, ref.length);
}

function columnAt(xml: Buffer, from: number, to: number): number {
  let column = 0;
  for (let i = from; i < to; i++) {
    const c = xml[i];
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  return column - 1;
}

/** Whether a character can follow a tag's name (so that <c is not found in <col). */
function endsName(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

function indexOfTag(text: string, open: string, from: number, before: number): number {
  for (let at = text.indexOf(open, from); at >= 0 && at < before; at = text.indexOf(open, at + 1)) {
    if (endsName(text.charCodeAt(at + open.length))) return at;
  }
  return -1;
}

function indexOfTagBytes(xml: Buffer, open: Buffer, from: number, before: number): number {
  for (let at = xml.indexOf(open, from); at >= 0 && at < before; at = xml.indexOf(open, at + 1)) {
    if (endsName(xml[at + open.length])) return at;
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
 * The complete rows in the UTF-8 bytes `xml` from `from`; `consumed` is where the first incomplete
 * one starts (keep the bytes from there for the next chunk). `cells` gives shared strings and dates.
 */
export function scanRows(xml: Buffer, p: string, from: number, previousRow: number, cells: CellText): { rows: ScannedRow[]; consumed: number } {
  const rows: ScannedRow[] = [];
  const rowOpen = Buffer.from(`<${p}row`);
  const rowClose = Buffer.from(`</${p}row>`);
  const cOpen = Buffer.from(`<${p}c`);
  const cClose = Buffer.from(`</${p}c>`);
  const vOpen = Buffer.from(`<${p}v`);
  const vClose = Buffer.from(`</${p}v>`);
  // The usual cell, <c ...><v>text</v></c>, is read without a search for each tag.
  const vPlain = Buffer.from(`<${p}v>`);
  const vCloseThenC = Buffer.concat([vClose, cClose]);
  const attributes: TagAttributes = { rFrom: -1, rTo: -1, sFrom: -1, sTo: -1, tFrom: -1, tTo: -1 };
  let pos = from;
  let number = previousRow;
  for (;;) {
    const start = indexOfTagBytes(xml, rowOpen, pos, xml.length);
    if (start < 0) return { rows, consumed: pos };
    const tagEnd = xml.indexOf(GREATER_THAN, start);
    if (tagEnd < 0) return { rows, consumed: start };
    readAttributes(xml, start + rowOpen.length, tagEnd, attributes);
    number = attributes.rFrom < 0 ? number + 1 : wholeNumberAt(xml, attributes.rFrom, attributes.rTo);
    if (xml[tagEnd - 1] === SLASH) {
      rows.push({ number, cells: [] });
      pos = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(rowClose, tagEnd);
    if (end < 0) return { rows, consumed: start };
    const row: string[] = [];
    let column = -1;
    let at = tagEnd + 1;
    for (;;) {
      // Cells usually follow one another directly.
      const c = hasAt(xml, cOpen, at) && endsName(xml[at + cOpen.length]) ? at : indexOfTagBytes(xml, cOpen, at, end);
      if (c < 0) break;
      const cTagEnd = byteIndex(xml, GREATER_THAN, c, end);
      if (cTagEnd < 0) break;
      const empty = xml[cTagEnd - 1] === SLASH;
      readAttributes(xml, c + cOpen.length, empty ? cTagEnd - 1 : cTagEnd, attributes);
      const { rFrom, rTo, sFrom, sTo, tFrom, tTo } = attributes;
      column = rFrom < 0 ? column + 1 : byteIndex(xml, AMPERSAND, rFrom, rTo) >= 0 ? columnOfRef(textAt(xml, rFrom, rTo)) : columnAt(xml, rFrom, rTo);
      const type = tFrom < 0 ? 'n' : typeAt(xml, tFrom, tTo);
      let inline = '';
      // Where the <v> text is: [vFrom, vTo), vFrom -1 when the cell has none.
      let vFrom = -1;
      let vTo = -1;
      if (empty) {
        at = cTagEnd + 1;
      } else if (hasAt(xml, vPlain, cTagEnd + 1) && (vTo = byteIndex(xml, LESS_THAN, cTagEnd + 1 + vPlain.length, end)) >= 0 && hasAt(xml, vCloseThenC, vTo)) {
        vFrom = cTagEnd + 1 + vPlain.length;
        at = vTo + vCloseThenC.length;
      } else {
        vTo = -1;
        const cEnd = xml.indexOf(cClose, cTagEnd);
        if (type === 'inlineStr') {
          inline = runsText(xml.toString('utf8', cTagEnd + 1, cEnd), p);
        } else {
          const v = indexOfTagBytes(xml, vOpen, cTagEnd, cEnd);
          if (v >= 0) {
            const vTagEnd = xml.indexOf(GREATER_THAN, v);
            if (xml[vTagEnd - 1] !== SLASH) {
              vFrom = vTagEnd + 1;
              vTo = xml.indexOf(vClose, vTagEnd);
            }
          }
        }
        at = cEnd + cClose.length;
      }
      let cell: string;
      switch (type) {
        case 's':
          cell = vFrom < 0 ? '' : cells.shared(wholeNumberAt(xml, vFrom, vTo));
          break;
        case 'inlineStr':
          cell = inline;
          break;
        case 'str':
        case 'e':
          cell = vFrom < 0 ? '' : textAt(xml, vFrom, vTo);
          break;
        case 'b':
          cell = vTo - vFrom === 1 && xml[vFrom] === DIGIT_0 + 1 ? '1' : '0';
          break;
        case 'd':
          cell = vFrom < 0 ? '' : textAt(xml, vFrom, vTo).slice(0, 10);
          break;
        default:
          cell = vFrom < 0 ? '' : numberText(xml, vFrom, vTo, sFrom < 0 ? 0 : wholeNumberAt(xml, sFrom, sTo), cells);
      }
      while (row.length < column) row.push('');
      row[column] = cell;
    }
    rows.push({ number, cells: row });
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
