import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Db } from '../store';
import { importExtract, type ImportRequest } from './importExtract';
import { ImportError, type ImportProblem } from './importProblems';
import { FIXTURE_TODAY, tempDir, VALID_FILES, withCell, writeExtract } from './extractFixture';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = tempDir();
  db = openStore(join(dir, 'store.mlstore'), 'test passphrase', { mode: 'create' });
});
afterEach(() => db.close());

async function problemsOf(request: ImportRequest): Promise<{ problems: ImportProblem[]; total: number }> {
  try {
    await importExtract(db, request);
  } catch (err) {
    if (err instanceof ImportError) return { problems: err.problems, total: err.total };
    throw err;
  }
  throw new Error('the import succeeded but was expected to fail');
}

/** Breaks one cell and expects exactly that cell to be reported. */
async function expectCellProblem(kind: 'cohort' | 'reoffences' | 'participants', row: number, column: string, value: string, message: RegExp) {
  const { problems, total } = await problemsOf(writeExtract(dir, { [kind]: withCell(VALID_FILES[kind], row, column, value) }));
  expect(total).toBe(1);
  expect(problems[0]).toMatchObject({ kind, file: `${kind}.csv`, row, line: row + 1, column });
  expect(problems[0].message).toMatch(message);
  return problems[0];
}

describe('the valid fixture', () => {
  it('imports, with persons not in the cohort counted but allowed', async () => {
    const s = await importExtract(db, writeExtract(dir));
    expect(s.files.cohort.rows).toBe(4);
    expect(s.files.reoffences).toMatchObject({ rows: 3, unknownPersonRows: 1, unknownPersons: 1 }); // P9
    expect(s.files.participants).toMatchObject({ rows: 3, unknownPersonRows: 1, unknownPersons: 1 }); // P7; the blank one is not counted
    expect(s.extractDate).toBe('2016-10-02'); // the latest disposal_date
    expect(s.extractDateSource).toBe('latest_disposal');
    // 2016-01-10: 46 years after 1970-01-01 with 11 leap days (1972..2012), plus 9 days.
    expect(db.prepare(`SELECT index_date FROM cohort WHERE record_id = 'R1'`).get()).toEqual({ index_date: 365 * 46 + 11 + 9 });
  });
});

describe('each rule of DATA-FORMAT.md section 6 stops the import with a located problem', () => {
  it('an impossible date (2015-02-30)', async () => {
    const p = await expectCellProblem('cohort', 2, 'index_date', '2015-02-30', /not a real date/);
    expect(p.value).toBe('2015-02-30');
  });
  it('a text that is not a date', () => expectCellProblem('reoffences', 1, 'offence_date', '01/03/2016', /not a date/));
  it('a date before 1900', () => expectCellProblem('cohort', 1, 'date_of_birth', '1899-12-31', /before 1900/));
  it('a date after today (today is a parameter)', async () => {
    await expectCellProblem('participants', 2, 'start_date', '2020-01-02', /after today \(2020-01-01\)/);
    const ok = await importExtract(db, { ...writeExtract(dir, { participants: withCell(VALID_FILES.participants, 2, 'start_date', '2020-01-01') }), today: FIXTURE_TODAY });
    expect(ok.files.participants.rows).toBe(3);
  });
  it('a negative count', () => expectCellProblem('cohort', 3, 'prev_offences', '-1', /whole number >= 0/));
  it('a count that is not whole', () => expectCellProblem('cohort', 4, 'prev_offences', '2.5', /whole number >= 0/));
  it('an oasys_* value other than 0/1/2/blank', () => expectCellProblem('cohort', 1, 'oasys_drugs', '3', /0, 1, 2 or blank/));
  it('a sex other than M/F', () => expectCellProblem('cohort', 2, 'sex', 'X', /M or F/));
  it('an unknown court_outcome', () => expectCellProblem('reoffences', 2, 'court_outcome', 'crown', /indictable, either_way, summary/));
  it('custodial not 0/1', () => expectCellProblem('reoffences', 1, 'custodial', '2', /1 or 0/));
  it('pnd not 0/1', () => expectCellProblem('reoffences', 3, 'pnd', 'yes', /1 or 0/));
  it('uk_national not 0/1', () => expectCellProblem('cohort', 1, 'uk_national', 'Y', /1 or 0/));
  it('a missing required value', () => expectCellProblem('cohort', 3, 'region', '', /required value is missing/));
  it('a duplicate record_id names the first occurrence', async () => {
    const p = await expectCellProblem('cohort', 3, 'record_id', 'R1', /duplicate record_id \(first at row 1\)/);
    expect(p.value).toBe('R1');
  });
  it('a missing required column', async () => {
    const csv = VALID_FILES.reoffences.replace('court_outcome', 'outcome');
    const { problems } = await problemsOf(writeExtract(dir, { reoffences: csv }));
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'reoffences', row: null, line: 1, column: 'court_outcome' }));
    expect(problems.find((p) => p.column === 'court_outcome')!.message).toMatch(/required column court_outcome is missing/);
  });
  it('a cohort file with no data rows', async () => {
    const { problems } = await problemsOf(writeExtract(dir, { cohort: VALID_FILES.cohort.split('\n')[0] + '\n' }));
    expect(problems.map((p) => p.message)).toContain('the cohort file has no data rows');
  });
  it('an empty reoffences file needs an extract date, and is valid with one', async () => {
    const header = VALID_FILES.reoffences.split('\n')[0] + '\n';
    const { problems } = await problemsOf(writeExtract(dir, { reoffences: header }));
    expect(problems).toEqual([expect.objectContaining({ kind: 'reoffences', row: null, message: expect.stringMatching(/extract date must be given/) })]);
    const s = await importExtract(db, { ...writeExtract(dir, { reoffences: header }), extractDate: '2019-03-31' });
    expect(s).toMatchObject({ extractDate: '2019-03-31', extractDateSource: 'given' });
    expect(s.files.reoffences.rows).toBe(0);
  });
  it('a ragged row', async () => {
    const csv = VALID_FILES.participants.replace('A2,,2016-03-01,', 'A2,,2016-03-01,,extra');
    const { problems } = await problemsOf(writeExtract(dir, { participants: csv }));
    expect(problems).toEqual([expect.objectContaining({ kind: 'participants', row: 2, line: 3, message: 'the row has 5 fields but the header has 4' })]);
  });
  it('a file that is not UTF-8 (Latin-1)', async () => {
    const latin1 = Buffer.from(VALID_FILES.cohort.replace('Wales', 'Gw\u00EFnedd'), 'latin1');
    const { problems } = await problemsOf(writeExtract(dir, { cohort: latin1 }));
    expect(problems[0]).toMatchObject({ kind: 'cohort', line: 5 });
    expect(problems[0].message).toMatch(/not UTF-8/);
  });
  it('a binary file', async () => {
    const { problems } = await problemsOf(writeExtract(dir, { participants: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x12]) }));
    expect(problems[0].message).toMatch(/not a text file/);
  });
  it('an unterminated quote names the line where the field opens', async () => {
    const csv = VALID_FILES.participants.replace('A2,,2016-03-01,', 'A2,"unclosed,2016-03-01,');
    const { problems } = await problemsOf(writeExtract(dir, { participants: csv }));
    expect(problems[0]).toMatchObject({ kind: 'participants', row: 2, line: 3 });
    expect(problems[0].message).toMatch(/quoted field is never closed/);
  });
});

describe('further checks a careful import makes', () => {
  it('disposal before offence', () => expectCellProblem('reoffences', 1, 'disposal_date', '2016-02-01', /disposal_date is before offence_date/));
  it('end of participation before its start', () => expectCellProblem('participants', 1, 'end_date', '2016-01-01', /end_date is before start_date/));
  it('born after the index date', () => expectCellProblem('cohort', 1, 'date_of_birth', '2016-02-01', /after index_date/));
  it('a duplicate participant_ref', () => expectCellProblem('participants', 3, 'participant_ref', 'A1', /duplicate participant_ref/));
  it('lists the first 100 problems and counts them all', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `R${i},P${i},2016-01-10,1980-05-01,Q,London,White,1,3,1,0.5,A`);
    const csv = [VALID_FILES.cohort.split('\n')[0], ...rows].join('\n');
    const { problems, total } = await problemsOf(writeExtract(dir, { cohort: csv }));
    expect(total).toBe(150);
    expect(problems).toHaveLength(100);
    expect(problems[99]).toMatchObject({ row: 100, line: 101, column: 'sex', value: 'Q' });
  });
});
