import { describe, expect, it } from 'vitest';
import { problemsCsv } from './problemsCsv';
import { csvField } from '../../shared/format/csvField';

describe('problemsCsv', () => {
  it('quotes separators, quotes and newlines, and leaves plain values alone', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('2015-02-30')).toBe('2015-02-30');
    expect(csvField(12)).toBe('12');
    expect(csvField(0.0625)).toBe('0.0625');
    expect(csvField(1e-7)).toBe('1e-7');
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(null)).toBe('');
  });

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-3')).toBe('-3');
    expect(csvField('-x')).toBe("'-x");
  });

  it('writes a header and one CRLF line per problem after a byte order mark', () => {
    const csv = problemsCsv([
      { kind: 'cohort', file: 'cohort.csv', row: 12, line: 13, column: 'index_date', value: '2015-02-30', message: 'not a real date' },
      { kind: 'reoffences', file: 'reoffences.csv', row: null, line: null, column: null, value: null, message: 'the file has no header' },
    ]);
    expect(csv).toBe(
      '\uFEFFfile,kind,row,line,column,value,message\r\n' +
        'cohort.csv,cohort,12,13,index_date,2015-02-30,not a real date\r\n' +
        'reoffences.csv,reoffences,,,,,the file has no header\r\n',
    );
  });
});
