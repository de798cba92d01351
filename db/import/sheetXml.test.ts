import { describe, expect, it } from 'vitest';
import { columnOfRef, decodeXmlText, elementPrefix, scanRows, scanSharedStrings, type CellText } from './sheetXml';

// Shared strings shown by index; style 1 is a date style, whose numbers are shown as `day N`.
const shown: CellText = { shared: (index) => `#${index}`, isDate: (style) => style === 1, date: (serial) => `day ${serial}` };
const scan = (xml: string) => scanRows(Buffer.from(xml), elementPrefix(xml, 'worksheet') ?? '', 0, 0, shown);

describe('sheet XML scanner', () => {
  it('reads rows and cells: references, types, styles, inline and rich text, entities, empty rows and cells', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>42370</v></c></row>' +
      '<row r="3"/><row r="4" spans="1:2"><c r="B4" t="inlineStr"><is><r><t>Fish &amp; </t></r><r><t xml:space="preserve">chips</t></r></is></c>' +
      '<c r="C4" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c><c r="D4" s="1"/></row><row r="5"><c r="A5"><v>1';
    const { rows, consumed } = scan(xml);
    expect(rows).toEqual([
      { number: 1, cells: ['#0', '', '42370'] },
      { number: 3, cells: [] },
      { number: 4, cells: ['', 'Fish & chips', 'a<b', ''] },
    ]);
    // The incomplete row 5 is left for the next chunk.
    expect(Buffer.from(xml).subarray(consumed).toString()).toBe('<row r="5"><c r="A5"><v>1');
  });

  it('reads a document whose elements carry a namespace prefix, and cells without references', () => {
    const xml = '<x:worksheet xmlns:x="main"><x:sheetData><x:row><x:c t="b"><x:v>1</x:v></x:c><x:c><x:v>2.5</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const prefix = elementPrefix(xml, 'worksheet');
    expect(prefix).toBe('x:');
    expect(scan(xml).rows).toEqual([{ number: 1, cells: ['1', '2.5'] }]);
  });

  it('reads attributes however they are written: spaces around =, single quotes, entities, other attributes first', () => {
    const xml = "<row r = '7' spans=\"1:3\"><c cm=\"1\" r='&#66;7' s = \"3\" t=\"s\"><v>12</v></c><c t='b'><v>0</v></c>" +
      '<c r="E7" t="s"/><c r="F7" t="d"><v>2016-01-01T00:00:00</v></c><c r="G7" t="e"><v>#N/A</v></c><c r="H7" s="2"><f>1+1</f></c></row>';
    expect(scan(xml).rows).toEqual([{ number: 7, cells: ['', '#12', '0', '', '', '2016-01-01', '#N/A', ''] }]);
  });

  it('shows numbers as String(Number(text)) does, and numbers in a date style as dates', () => {
    const cells = ['0', '7', '007', '1.50', '-3', '1e3', '12345678901234567', '&#52;2', ' 5 ', '999', '1000'];
    const xml = `<row r="1">${cells.map((v) => `<c><v>${v}</v></c>`).join('')}<c s="1"><v>42370</v></c><c s="1"><v>42370.75</v></c><c s="1"><v>x</v></c></row>`;
    expect(scan(xml).rows[0].cells).toEqual([
      '0', '7', '7', '1.5', '-3', '1000', String(12345678901234567), '42', '5', '999', '1000', 'day 42370', 'day 42370.75', 'NaN',
    ]);
  });

  it('reads text in any script (the bytes are UTF-8)', () => {
    const xml = '<row r="2"><c r="A2" t="inlineStr"><is><t>Zoë Łukasz 李</t></is></c><c r="B2" t="str"><v>café</v></c></row>';
    expect(scan(xml).rows).toEqual([{ number: 2, cells: ['Zoë Łukasz 李', 'café'] }]);
  });

  it('reads shared strings, leaving out phonetic runs, and keeps an incomplete one for later', () => {
    const xml = '<sst><si><t>R1</t></si><si/><si><r><t>To</t></r><r><t>kyo</t></r><rPh sb="0" eb="2"><t>toukyou</t></rPh></si><si><t>half';
    const { strings, consumed } = scanSharedStrings(xml, elementPrefix(xml, 'sst')!, 0);
    expect(strings).toEqual(['R1', '', 'Tokyo']);
    expect(xml.slice(consumed)).toBe('<si><t>half');
  });

  it('decodes references and numeric entities; knows column letters', () => {
    expect(decodeXmlText('&#233;t&#xE9; &quot;x&quot; &apos;')).toBe('\u00E9t\u00E9 "x" \'');
    expect([columnOfRef('A1'), columnOfRef('Z9'), columnOfRef('AA10'), columnOfRef('AB123')]).toEqual([0, 25, 26, 27]);
  });
});
