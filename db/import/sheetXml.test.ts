import { describe, expect, it } from 'vitest';
import { columnOfRef, decodeXmlText, elementPrefix, scanRows, scanSharedStrings } from './sheetXml';

describe('sheet XML scanner', () => {
  it('reads rows and cells: references, types, styles, inline and rich text, entities, empty rows and cells', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>42370</v></c></row>' +
      '<row r="3"/><row r="4" spans="1:2"><c r="B4" t="inlineStr"><is><r><t>Fish &amp; </t></r><r><t xml:space="preserve">chips</t></r></is></c>' +
      '<c r="C4" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c><c r="D4" s="1"/></row><row r="5"><c r="A5"><v>1';
    const { rows, consumed } = scanRows(xml, '', 0, 0);
    expect(rows).toEqual([
      { number: 1, cells: [{ column: 0, type: 's', style: 0, value: '0' }, { column: 2, type: 'n', style: 2, value: '42370' }] },
      { number: 3, cells: [] },
      { number: 4, cells: [
        { column: 1, type: 'inlineStr', style: 0, value: 'Fish & chips' },
        { column: 2, type: 'str', style: 0, value: 'a<b' },
        { column: 3, type: 'n', style: 1, value: '' },
      ] },
    ]);
    // The incomplete row 5 is left for the next chunk.
    expect(xml.slice(consumed)).toBe('<row r="5"><c r="A5"><v>1');
  });

  it('reads a document whose elements carry a namespace prefix, and cells without references', () => {
    const xml = '<x:worksheet xmlns:x="main"><x:sheetData><x:row><x:c t="b"><x:v>1</x:v></x:c><x:c><x:v>2.5</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const prefix = elementPrefix(xml, 'worksheet');
    expect(prefix).toBe('x:');
    expect(scanRows(xml, prefix!, 0, 0).rows).toEqual([
      { number: 1, cells: [{ column: 0, type: 'b', style: 0, value: '1' }, { column: 1, type: 'n', style: 0, value: '2.5' }] },
    ]);
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
