// The imported extract as the cohort step needs it (shared/cohort/cohortArrays.ts), read from the
// column store in one pass per column. Cohort records come in record_id order whatever the order
// of the imported file, so every later step sees the same rows in the same order.
import type { Db } from '../store';
import type { CohortArrays, ParticipantRows, ReoffenceArrays } from '../../shared/cohort/cohortArrays';
import { COURT_OUTCOMES } from '../../shared/cohort/recordOutcomes';
import { readExtractColumns, type StoredColumn } from '../columnStore/columnTables';
import { numberPersons, personNumbersOf } from '../../shared/cohort/personNumbers';

/** The reoffences' column of person numbers (numberPersons over the cohort in record_id order), written by the import. */
export const REOFFENCE_PERSON_COLUMN = 'cohort_person';

function texts(c: StoredColumn | undefined): string[] {
  if (!c || c.type !== 'text') throw new Error('a key column of the column store is not text');
  return c.values;
}

function typed<T>(c: StoredColumn | undefined, Ctor: new (...args: never[]) => T): T {
  if (!c || !(c.values instanceof Ctor)) throw new Error(`a column of the column store is not a ${Ctor.name}`);
  return c.values;
}

/** Codes of a categorical column translated to the positions of its levels in `wanted` (-1 elsewhere). */
function codesAs<T extends Int8Array | Uint8Array | Uint16Array>(c: StoredColumn | undefined, wanted: readonly string[], Out: new (n: number) => T): T {
  const codes = typed(c, Int32Array);
  const recode = (c!.type !== 'text' && c!.levels ? c!.levels : []).map((name) => wanted.indexOf(name));
  const out = new Out(codes.length);
  for (let k = 0; k < codes.length; k++) out[k] = codes[k] < 0 ? -1 : recode[codes[k]];
  return out;
}

export function loadCohortArrays(db: Db): CohortArrays {
  const c = readExtractColumns(db, 'cohort', ['record_id', 'person_id', 'index_date', 'date_of_birth', 'sex', 'region']);
  const region = c.get('region')!;
  const regionLevels = region.type !== 'text' ? (region.levels ?? []) : [];
  const personId = texts(c.get('person_id'));
  const persons = numberPersons(personId);
  return {
    recordId: texts(c.get('record_id')),
    personId,
    person: persons.ofRecord,
    persons: persons.count,
    indexDay: typed(c.get('index_date'), Int32Array),
    dobDay: typed(c.get('date_of_birth'), Int32Array),
    // 1 = M: the position of M in ['F', 'M'].
    male: codesAs(c.get('sex'), ['F', 'M'], Uint8Array),
    region: codesAs(region, regionLevels, Uint16Array),
    regionLevels,
  };
}

/** `cohort` numbers the persons: a store imported before the import numbered them is numbered here, the same way. */
export function loadReoffenceArrays(db: Db, cohort: CohortArrays): ReoffenceArrays {
  // pnd is optional: a file without it has no PNDs.
  const c = readExtractColumns(db, 'reoffences', [REOFFENCE_PERSON_COLUMN, 'offence_date', 'disposal_date', 'court_outcome', 'custodial', 'pnd'], [REOFFENCE_PERSON_COLUMN, 'pnd']);
  const person = c.has(REOFFENCE_PERSON_COLUMN)
    ? typed(c.get(REOFFENCE_PERSON_COLUMN), Int32Array)
    : personNumbersOf(numberPersons(cohort.personId), texts(readExtractColumns(db, 'reoffences', ['person_id']).get('person_id')));
  return {
    person,
    offenceDay: typed(c.get('offence_date'), Int32Array),
    disposalDay: typed(c.get('disposal_date'), Int32Array),
    court: codesAs(c.get('court_outcome'), COURT_OUTCOMES, Int8Array),
    custodial: typed(c.get('custodial'), Uint8Array),
    pnd: c.has('pnd') ? typed(c.get('pnd'), Uint8Array) : new Uint8Array(person.length),
  };
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
