import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { openStore } from '../store';
import { importExtract } from './importExtract';
import { previewFile } from './previewFile';
import { listSheets } from './xlsxRecords';
import { FIXTURE_TODAY, tempDir, writeExtract } from './extractFixture';

async function writeWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes');
  notes.addRow(['this sheet is not the data']);
  const sheet = wb.addWorksheet('Submission');
  sheet.addRow(['Participant_Ref ', 'PERSON_ID', 'start_date', 'end_date']);
  sheet.addRow(['A1', 'P1', new Date(Date.UTC(2016, 1, 1)), '2016-08-01']);
  sheet.addRow(['A2', null, '01/03/2016', null]);
  sheet.addRow([]);
  sheet.addRow([17, 'P7', '2016-04-01']);
  await wb.xlsx.writeFile(path);
}

describe('XLSX', () => {
  it('lists sheets, previews a named sheet and imports it (dates as date cells or text)', async () => {
    const dir = tempDir('matchlab-xlsx-');
    const path = join(dir, 'participants.xlsx');
    await writeWorkbook(path);
    expect(await listSheets(path)).toEqual(['Notes', 'Submission']);

    const preview = await previewFile(path, { kind: 'participants', sheet: 'submission' });
    expect(preview.headers).toEqual(['Participant_Ref ', 'PERSON_ID', 'start_date', 'end_date']);
    expect(preview.rows).toEqual([
      ['A1', 'P1', '2016-02-01', '2016-08-01'],
      ['A2', '', '01/03/2016', ''],
      ['17', 'P7', '2016-04-01', ''],
    ]);
    expect(preview.lines).toEqual([2, 3, 5]);
    expect(preview.suggested.dateFormat).toBe('dmy');
    expect(preview.unmatchedRequired).toEqual([]);

    const db = openStore(join(dir, 's.mlstore'), 'test passphrase', { mode: 'create' });
    const request = writeExtract(dir);
    const s = await importExtract(db, { ...request, today: FIXTURE_TODAY, participants: { path, sheet: 'Submission', mapping: preview.suggested } });
    expect(s.files.participants).toMatchObject({ rows: 3, sheet: 'Submission', fileName: 'participants.xlsx' });
    const rows = db.prepare(`SELECT row_no, participant_ref, person_id, date(start_date * 86400, 'unixepoch') AS start FROM participants ORDER BY row_no`).all();
    expect(rows).toEqual([
      { row_no: 1, participant_ref: 'A1', person_id: 'P1', start: '2016-02-01' },
      { row_no: 2, participant_ref: 'A2', person_id: null, start: '2016-03-01' },
      { row_no: 3, participant_ref: '17', person_id: 'P7', start: '2016-04-01' },
    ]);
    db.close();
  });

  it('names the sheets it has when the asked-for one is missing', async () => {
    const dir = tempDir('matchlab-xlsx-');
    const path = join(dir, 'p.xlsx');
    await writeWorkbook(path);
    await expect(previewFile(path, { kind: 'participants', sheet: 'Data' })).rejects.toThrow(/no sheet named "Data" \(it has: Notes, Submission\)/);
  });
});
