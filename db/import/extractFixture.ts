// A small valid extract for the importer's tests, and helpers to break it one cell at a time.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportRequest } from './importExtract';
import type { FileKind } from './importProblems';

export const FIXTURE_TODAY = '2020-01-01';

export const VALID_FILES: Record<FileKind, string> = {
  cohort: [
    'record_id,person_id,index_date,date_of_birth,sex,region,ethnicity,uk_national,prev_offences,oasys_drugs,score,area',
    'R1,P1,2016-01-10,1980-05-01,M,London,White,1,3,1,0.5,A',
    'R2,P1,2017-03-01,1980-05-01,M,London,White,1,4,2,1,01',
    'R3,P2,2016-06-15,1990-07-20,F,North West,Black,0,0,,2.25,B',
    'R4,P3,2016-09-30,1975-12-31,M,Wales,Asian,,12,0,3,7',
  ].join('\n') + '\n',
  reoffences: [
    'person_id,offence_date,disposal_date,court_outcome,custodial,pnd',
    'P1,2016-03-01,2016-04-01,summary,0,0',
    'P2,2016-08-01,2016-10-01,either_way,1,',
    'P9,2016-08-01,2016-10-02,indictable,0,0',
  ].join('\n') + '\n',
  participants: [
    'participant_ref,person_id,start_date,end_date',
    'A1,P1,2016-02-01,2016-08-01',
    'A2,,2016-03-01,',
    'A3,P7,2016-04-01,',
  ].join('\n') + '\n',
};

export function tempDir(prefix = 'matchlab-import-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Returns `csv` (a plain fixture without quotes) with data row `row` (1-based), column `column` set to `value`. */
export function withCell(csv: string, row: number, column: string, value: string): string {
  const lines = csv.split('\n');
  const index = lines[0].split(',').indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  const cells = lines[row].split(',');
  cells[index] = value;
  lines[row] = cells.join(',');
  return lines.join('\n');
}

/** Writes the three files (the valid fixture unless replaced) and returns an import request for them. */
export function writeExtract(dir: string, files: Partial<Record<FileKind, string | Buffer>> = {}, names: Partial<Record<FileKind, string>> = {}): ImportRequest {
  const request = { today: FIXTURE_TODAY } as ImportRequest;
  for (const kind of ['cohort', 'reoffences', 'participants'] as FileKind[]) {
    const path = join(dir, names[kind] ?? `${kind}.csv`);
    writeFileSync(path, files[kind] ?? VALID_FILES[kind]);
    request[kind] = { path };
  }
  return request;
}
