import { describe, expect, it } from 'vitest';
import { checkMapping, mergeMapping, withRole } from './columnChoices';

const headers = ['Offender Record', 'person_id', 'index_date', 'Sex', 'region', 'prev_offences'];
const suggested = { columns: { person_id: 'person_id', index_date: 'index_date', sex: 'Sex', region: 'region', prev_offences: 'prev_offences' }, dateFormat: 'iso' as const };

describe('mergeMapping', () => {
  it('keeps the hand-made choice and fills the other roles from the suggestion', () => {
    const preferred = { columns: { record_id: 'offender record' }, dateFormat: 'dmy' as const };
    const { mapping, dropped } = mergeMapping(preferred, suggested, headers);
    expect(mapping.columns).toEqual({ record_id: 'Offender Record', person_id: 'person_id', index_date: 'index_date', sex: 'Sex', region: 'region', prev_offences: 'prev_offences' });
    expect(mapping.dateFormat).toBe('dmy');
    expect(dropped).toEqual([]);
  });

  it('drops and lists preferred columns the file lacks, and never gives a taken column to a second role', () => {
    const preferred = { columns: { record_id: 'RecordNo', person_id: 'index_date' }, dateFormat: 'iso' as const };
    const { mapping, dropped } = mergeMapping(preferred, suggested, headers);
    expect(dropped).toEqual([['record_id', 'RecordNo']]);
    expect(mapping.columns.person_id).toBe('index_date');
    expect(mapping.columns.index_date).toBeUndefined();
  });
});

describe('checkMapping', () => {
  it('lists missing required roles and columns used twice', () => {
    const m = withRole(withRole(suggested, 'ethnicity', 'region'), 'sex', null);
    expect(checkMapping('cohort', m)).toEqual({ missingRequired: ['record_id', 'date_of_birth', 'sex'], reusedColumns: ['region'] });
  });
});
