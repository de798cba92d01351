import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../store';
import { resolveMapping, suggestMapping } from './columnMapping';
import { listMappings, loadMapping, saveMapping } from './savedMappings';
import { importExtract } from './importExtract';
import { tempDir, VALID_FILES, writeExtract } from './extractFixture';

describe('column mapping', () => {
  it('matches roles case-insensitively after trimming, with the prev_/oasys_ families', () => {
    const m = suggestMapping([' Record_ID', 'PERSON_ID', 'Index_Date ', 'dob', 'Prev_Offences', 'OASYS_drugs', 'score'], 'cohort');
    expect(m).toEqual({
      columns: { record_id: ' Record_ID', person_id: 'PERSON_ID', index_date: 'Index_Date ', prev_offences: 'Prev_Offences', oasys_drugs: 'OASYS_drugs' },
      dateFormat: 'iso',
    });
    const r = resolveMapping([' Record_ID', 'PERSON_ID', 'Index_Date ', 'dob', 'Prev_Offences', 'OASYS_drugs', 'score'], 'cohort', m);
    expect(r.missingRequired).toEqual(['date_of_birth', 'sex', 'region']);
    expect(r.extras.map((e) => e.name)).toEqual(['dob', 'score']);
  });

  it('a hand mapping of a non-canonical name imports, and is saved and loaded by name', async () => {
    const dir = tempDir();
    const db = openStore(join(dir, 's.mlstore'), 'test passphrase', { mode: 'create' });
    const cohort = VALID_FILES.cohort.replace('index_date', 'Release Date').replace(/2016-01-10/, '10/01/2016');
    const request = writeExtract(dir, { cohort });
    const headers = cohort.split('\n')[0].split(',');
    const mapping = suggestMapping(headers, 'cohort');
    mapping.columns.index_date = 'Release Date';
    mapping.dateFormat = 'dmy';
    const s = await importExtract(db, { ...request, cohort: { ...request.cohort, mapping } });
    expect(s.cohortColumns.find((c) => c.role === 'index_date')).toEqual({ name: 'index_date', kind: 'numeric', role: 'index_date', source: 'Release Date' });
    saveMapping(db, 'Probation export', 'cohort', mapping);
    expect(listMappings(db, 'cohort').map((e) => e.name)).toEqual(['Probation export']);
    expect(loadMapping(db, 'Probation export', 'cohort')).toEqual(mapping);
    expect(loadMapping(db, 'Probation export', 'reoffences')).toBeNull();
    db.close();
  });

  it('types extra columns by their values, with overrides', async () => {
    const dir = tempDir();
    const db = openStore(join(dir, 's.mlstore'), 'test passphrase', { mode: 'create' });
    const s = await importExtract(db, { ...writeExtract(dir), typeOverrides: { Score: 'categorical' } });
    expect(s.cohortColumns.filter((c) => c.role === null)).toEqual([
      { name: 'score', kind: 'categorical', role: null, source: 'score' },
      { name: 'area', kind: 'categorical', role: null, source: 'area' }, // "A", "01", "B", "7"
    ]);
    // Categorical values keep their text exactly ("01" stays "01", "7" becomes text too).
    expect(db.prepare('SELECT area, typeof(area) AS t FROM cohort ORDER BY record_id').all()).toEqual([
      { area: 'A', t: 'text' }, { area: '01', t: 'text' }, { area: 'B', t: 'text' }, { area: '7', t: 'text' },
    ]);
    const auto = await importExtract(db, writeExtract(dir));
    expect(auto.cohortColumns.find((c) => c.name === 'score')!.kind).toBe('numeric');
    expect(db.prepare('SELECT score FROM cohort ORDER BY record_id').all()).toEqual([{ score: 0.5 }, { score: 1 }, { score: 2.25 }, { score: 3 }]);
    expect(db.prepare(`SELECT kind FROM cohort_columns WHERE name = 'area'`).get()).toEqual({ kind: 'categorical' });
    db.close();
  });
});
