import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { openStore } from '../store';
import { importExtract } from './importExtract';
import { previewFile } from './previewFile';
import { isDateFormatCode, listSheets, openXlsxRecords, serialToIsoDate } from './xlsxRecords';
import { FIXTURE_TODAY, tempDir, VALID_FILES, writeExtract } from './extractFixture';
import { csvCellAsExcel, writeXlsx, type EntryOrder } from './xlsxFixture';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Db } from '../store';

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

  const columnStore = (db: Db) => db.prepare('SELECT file, name, type, rows, levels, hex(data) AS data FROM extract_columns ORDER BY file, name').all();

  for (const order of ['sheet-first', 'strings-first'] as EntryOrder[]) {
    it(`reads a cohort sheet stored ${order === 'sheet-first' ? 'before its shared strings (as Excel does)' : 'after its shared strings'} without writing any file, as the same rows in CSV`, async () => {
      const dir = tempDir('matchlab-xlsx-');
      const path = join(dir, 'cohort.xlsx');
      const rows = VALID_FILES.cohort.trimEnd().split('\n').map((line, k) => line.split(',').map((cell) => (k === 0 ? cell : csvCellAsExcel(cell))));
      await writeXlsx(path, rows, order, ['Notes']);
      const csv = openStore(join(dir, 'csv.mlstore'), 'test passphrase');
      await importExtract(csv, writeExtract(dir));

      const spool = mkdtempSync(join(tmpdir(), 'matchlab-spool-'));
      const previous = process.env.TMPDIR;
      process.env.TMPDIR = spool;
      const xlsx = openStore(join(dir, 'xlsx.mlstore'), 'test passphrase');
      try {
        await importExtract(xlsx, { ...writeExtract(dir), cohort: { path } });
      } finally {
        if (previous === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = previous;
      }
      expect(readdirSync(spool)).toEqual([]);
      expect(columnStore(xlsx)).toEqual(columnStore(csv));
      // "01" was typed as text in the sheet and stays text; 1 and 7 came as numbers.
      expect(xlsx.prepare('SELECT area FROM cohort ORDER BY record_id').pluck().all()).toEqual(['A', '01', 'B', '7']);
    });
  }

  it('says what is wrong with a file that is not a workbook', async () => {
    const dir = tempDir('matchlab-xlsx-');
    const db = openStore(join(dir, 's.mlstore'), 'test passphrase');
    const request = writeExtract(dir, { cohort: 'not a zip at all' }, { cohort: 'cohort.xlsx' });
    await expect(importExtract(db, request)).rejects.toThrow(/cohort.xlsx: cannot be read as XLSX/);
  });

  /** A sheet of `rows` rows of three cells, a few hundred kilobytes deflated. */
  async function bigSheet(rows: number): Promise<string> {
    const path = join(tempDir('matchlab-xlsx-'), 'big.xlsx');
    await writeXlsx(path, (function* () {
      yield ['record_id', 'count', 'note'];
      for (let k = 0; k < rows; k++) yield [`R${k}`, k % 97, `note ${(k * 7919) % 10007}`];
    })(), 'sheet-first');
    return path;
  }

  it('reports its progress in the bytes of the file, rising to its size and never past it', async () => {
    const path = await bigSheet(60_000);
    const source = await openXlsxRecords(path);
    const seen: number[] = [];
    let rows = 0;
    for await (const batch of source.records) {
      rows += batch.cells.length;
      seen.push(source.bytesRead());
    }
    expect(rows).toBe(60_001);
    // The sheet's XML is many times the size of the whole file: counted inflated, the progress ran past the end.
    expect(seen.every((b, k) => b <= source.bytesTotal && (k === 0 || b >= seen[k - 1]))).toBe(true);
    expect(seen.filter((b) => b > 0 && b < source.bytesTotal).length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(source.bytesTotal);
  });

  it('refuses a sheet whose inflated bytes are not the size its zip entry gives', async () => {
    const sizeOff = async (by: number): Promise<void> => {
      const path = await bigSheet(2_000);
      // The central directory's record of the sheet: its uncompressed size is at offset 24.
      const zip = readFileSync(path);
      const record = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
      const name = Buffer.from('xl/worksheets/sheet1.xml');
      let at = zip.indexOf(record);
      while (at >= 0 && !zip.subarray(at + 46, at + 46 + name.length).equals(name)) at = zip.indexOf(record, at + 4);
      expect(at).toBeGreaterThan(0);
      zip.writeUInt32LE(zip.readUInt32LE(at + 24) + by, at + 24);
      writeFileSync(path, zip);
      const source = await openXlsxRecords(path);
      for await (const _ of source.records) void _;
    };
    await expect(sizeOff(-1)).rejects.toThrow(/cannot be read as XLSX: xl\/worksheets\/sheet1.xml holds more bytes than the zip says/);
    await expect(sizeOff(1)).rejects.toThrow(/cannot be read as XLSX: xl\/worksheets\/sheet1.xml holds \d+ bytes where the zip says \d+/);
  });

  it('knows date formats and turns date serials into days', () => {
    expect(['dd/mm/yyyy', 'yyyy-mm-dd;@', '[$-809]d mmmm yyyy', 'h:mm'].map(isDateFormatCode)).toEqual([true, true, true, true]);
    expect(['General', '0.00', '#,##0', '"day" 0', '\\d0', '[Red]0.0'].map(isDateFormatCode)).toEqual([false, false, false, false, false, false]);
    // 42370 is 2016-01-01 in the 1900 date system; 40908 the same day in the 1904 system; a time of day is dropped.
    expect(serialToIsoDate(42370, false)).toBe('2016-01-01');
    expect(serialToIsoDate(40908, true)).toBe('2016-01-01');
    expect(serialToIsoDate(42370.75, false)).toBe('2016-01-01');
  });
});
