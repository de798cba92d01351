// The persons of the new extract, numbered once at import (shared/cohort/personNumbers.ts): the
// reoffences' person numbers go into the column store for the cohort step, and the rows of the
// reoffences and participants whose person is not in the cohort are counted (allowed, but shown).
import type { Db } from '../store';
import { readExtractColumns, writeExtractColumn, type StoredColumn } from '../columnStore/columnTables';
import { REOFFENCE_PERSON_COLUMN } from '../cohort/loadExtractArrays';
import { numberPersons, personNumbersOf, unknownPersons } from '../../shared/cohort/personNumbers';
import type { PersonIdBuilder } from '../columnStore/columnBuilders';

export interface UnknownPersons {
  rows: number;
  persons: number;
}

function personIds(column: StoredColumn | undefined): string[] {
  if (column?.type !== 'text') throw new Error('person_id is not a text column of the column store');
  return column.values;
}

/**
 * Needs the cohort's person_id in the column store; `offenders` are the reoffences' person ids as
 * the import collected them (each distinct id once, a code per row). Counting in memory here
 * replaced a SQL count that needed an index on cohort.person_id and, without one on
 * reoffences.person_id, looked the cohort up in the file's order (1.4 s on a shuffled 300,000-record extract).
 */
export function numberExtractPersons(db: Db, offenders: PersonIdBuilder, cancelPoint: () => void): { reoffences: UnknownPersons; participants: UnknownPersons } {
  const persons = numberPersons(personIds(readExtractColumns(db, 'cohort', ['person_id']).get('person_id')));
  cancelPoint();
  // One lookup per distinct person, then a code per row.
  const ofId = personNumbersOf(persons, offenders.ids, cancelPoint);
  const codes = offenders.codes.values;
  const numbers = new Int32Array(offenders.codes.length);
  let unknownRows = 0;
  for (let k = 0; k < numbers.length; k++) {
    numbers[k] = ofId[codes[k]];
    if (numbers[k] < 0) unknownRows++;
  }
  writeExtractColumn(db, 'reoffences', REOFFENCE_PERSON_COLUMN, { type: 'int32', values: numbers });
  const participants = (db.prepare('SELECT person_id FROM participants').pluck().all() as (string | null)[]).map((p) => p ?? '');
  return {
    // person_id is required in the reoffences: never blank.
    reoffences: { rows: unknownRows, persons: ofId.reduce((n, p) => n + (p < 0 ? 1 : 0), 0) },
    participants: unknownPersons(participants, personNumbersOf(persons, participants)),
  };
}
