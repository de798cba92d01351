// The imported extract as the derivation and funnel need it (shared/cohort/cohortArrays.ts).
// Cohort records come ordered by record_id, so every later step sees the same row order
// whatever the order of the imported file.
import type { Db } from '../store';
import type { CohortArrays, ParticipantRows, ReoffenceArrays } from '../../shared/cohort/cohortArrays';
import { COURT_OUTCOMES } from '../../shared/cohort/recordOutcomes';
import { compareByteOrder } from '../../shared/engine/byteOrder';

export function loadCohortArrays(db: Db): CohortArrays {
  const n = (db.prepare('SELECT count(*) FROM cohort').pluck().get() as number);
  const recordId: string[] = new Array(n);
  const personId: string[] = new Array(n);
  const indexDay = new Int32Array(n);
  const dobDay = new Int32Array(n);
  const male = new Uint8Array(n);
  const region = new Uint16Array(n);
  const regionCode = new Map<string, number>();
  const regionsSeen: string[] = [];
  let i = 0;
  const rows = db.prepare('SELECT record_id, person_id, index_date, date_of_birth, sex, region FROM cohort ORDER BY record_id').raw();
  for (const row of rows.iterate() as Iterable<[string, string, number, number, string, string]>) {
    recordId[i] = row[0];
    personId[i] = row[1];
    indexDay[i] = row[2];
    dobDay[i] = row[3];
    male[i] = row[4] === 'M' ? 1 : 0;
    let code = regionCode.get(row[5]);
    if (code === undefined) {
      code = regionsSeen.length;
      regionCode.set(row[5], code);
      regionsSeen.push(row[5]);
    }
    region[i] = code;
    i++;
  }
  // Level codes in byte order of the names, not in order of first appearance.
  const regionLevels = [...regionsSeen].sort(compareByteOrder);
  const recode = new Uint16Array(regionsSeen.length);
  regionsSeen.forEach((name, k) => (recode[k] = regionLevels.indexOf(name)));
  for (let k = 0; k < n; k++) region[k] = recode[region[k]];
  return { recordId, personId, indexDay, dobDay, male, region, regionLevels };
}

export function loadReoffenceArrays(db: Db): ReoffenceArrays {
  const n = db.prepare('SELECT count(*) FROM reoffences').pluck().get() as number;
  const personId: string[] = new Array(n);
  const offenceDay = new Int32Array(n);
  const disposalDay = new Int32Array(n);
  const court = new Int8Array(n);
  const custodial = new Uint8Array(n);
  const pnd = new Uint8Array(n);
  const courtCode = new Map<string, number>(COURT_OUTCOMES.map((c, k) => [c, k]));
  let i = 0;
  const rows = db.prepare('SELECT person_id, offence_date, disposal_date, court_outcome, custodial, pnd FROM reoffences').raw();
  for (const row of rows.iterate() as Iterable<[string, number, number, string, number, number]>) {
    personId[i] = row[0];
    offenceDay[i] = row[1];
    disposalDay[i] = row[2];
    court[i] = courtCode.get(row[3])!;
    custodial[i] = row[4];
    pnd[i] = row[5];
    i++;
  }
  return { personId, offenceDay, disposalDay, court, custodial, pnd };
}

export function loadParticipantRows(db: Db): ParticipantRows {
  const rows = db.prepare('SELECT participant_ref, person_id, start_date, end_date FROM participants ORDER BY row_no').raw().all() as
    [string, string | null, number, number | null][];
  return {
    participantRef: rows.map((r) => r[0]),
    personId: rows.map((r) => r[1] ?? ''),
    startDay: Int32Array.from(rows, (r) => r[2]),
    endDay: Float64Array.from(rows, (r) => r[3] ?? NaN),
  };
}
