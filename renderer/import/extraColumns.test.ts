import { describe, expect, it } from 'vitest';
import type { FilePreview } from '../../shared/api';
import { overridesToSend, unusedColumns, valueHint, withOverride } from './extraColumns';

const mapping = { columns: { record_id: 'Offender Record', person_id: 'person_id', sex: 'Gender', prev_offences: 'prev_offences' }, dateFormat: 'iso' as const };

describe('unusedColumns', () => {
  it('keeps unmapped headers as extras and sets apart the ones named like a role', () => {
    const headers = ['Offender Record', 'person_id', 'Gender', ' Team Code ', 'sex', 'prev_offences', 'prev_breaches', '', 'hours', 'HOURS'];
    expect(unusedColumns(headers, mapping)).toEqual({
      extras: [
        { name: 'Team Code', index: 3 },
        { name: 'hours', index: 8 },
      ],
      roleNamed: ['sex', 'prev_breaches'],
    });
  });
});

function preview(column: string[]): FilePreview {
  return { headers: ['x'], rows: column.map((v) => [v]), lines: column.map((_, i) => i + 2), suggested: { columns: {}, dateFormat: 'iso' }, unmatchedRequired: [], sheets: [] };
}

describe('valueHint', () => {
  it('calls whole-number codes numeric, and counts their distinct values', () => {
    expect(valueHint(preview(['101', ' 102', '', '101', '+7']), 0)).toEqual({ looks: 'numeric', values: 4, distinct: 3, whole: true, firstText: null });
  });
  it('names the first value that is not a number, with its line', () => {
    expect(valueHint(preview(['1.5', '2e3', '', 'n/a', 'x']), 0)).toEqual({ looks: 'categorical', values: 4, distinct: 4, whole: false, firstText: { value: 'n/a', line: 5 } });
  });
  it('says when the first rows are all blank', () => {
    expect(valueHint(preview(['', ' ']), 0).looks).toBe('blank');
  });
  it('treats decimals and exponents as numbers but not as whole', () => {
    expect(valueHint(preview(['.5', '3.', '-1E-2']), 0)).toMatchObject({ looks: 'numeric', whole: false });
  });
});

describe('overridesToSend', () => {
  it('sends only the current extra columns, under the names the file gives them', () => {
    let chosen = withOverride({}, 'Team Code', 'categorical');
    chosen = withOverride(chosen, 'gone', 'numeric');
    chosen = withOverride(chosen, 'hours', 'numeric');
    chosen = withOverride(chosen, 'HOURS', null);
    expect(chosen).toEqual({ 'team code': 'categorical', gone: 'numeric' });
    expect(overridesToSend([{ name: 'Team Code', index: 3 }, { name: 'hours', index: 8 }], chosen)).toEqual({ 'Team Code': 'categorical' });
  });
});
