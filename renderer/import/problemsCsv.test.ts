import { describe, expect, it } from 'vitest';
import { problemsCsv } from './problemsCsv';

describe('problemsCsv', () => {
  it('writes a header and one CRLF line per problem after a byte order mark', () => {
    const csv = problemsCsv([
      { kind: 'cohort', file: 'cohort.csv', row: 12, line: 13, column: 'index_date', value: '2015-02-30', message: 'not a real date' },
      { kind: 'reoffences', file: 'reoffences.csv', row: null, line: null, column: null, value: null, message: 'the file has no header' },
      { kind: 'cohort', file: 'cohort.csv', row: 3, line: 4, column: 'sex', value: '=HYPERLINK("x")', message: 'not M or F' },
    ]);
    expect(csv).toBe(
      '\uFEFFfile,kind,row,line,column,value,message\r\n' +
        'cohort.csv,cohort,12,13,index_date,2015-02-30,not a real date\r\n' +
        'reoffences.csv,reoffences,,,,,the file has no header\r\n' +
        'cohort.csv,cohort,3,4,sex,"\'=HYPERLINK(""x"")",not M or F\r\n',
    );
  });
});
