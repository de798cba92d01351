// The persons of the new extract, numbered once at import (shared/cohort/personNumbers.ts): the
// reoffences' person numbers go into the column store for the cohort step, and the rows of the
// reoffences and participants whose person is not in the cohort are counted (allowed, but shown).
import type { Db } from '../store';
import { readExtractColumns, writeExtractColumn, type StoredColumn } from '../columnStore/columnTables';
import { REOFFENCE_PERSON_COLUMN } from '../cohort/loadExtractArrays';
import { numberPersons, personNumbersOf, unknownPersons } from '../../shared/cohort/personNumbers';

export interface UnknownPersons {
  rows: number;
  persons: number;
}

function personIds(column: StoredColumn | undefined): string[] {
  if (column?.type !== 'text') throw new Error('person_id is not a text column of the column store');
  return column.values;
}

/**
 * Needs the cohort's and the reoffences' person_id in the column store. Counting in memory here
 * replaced a SQL count that needed an index on cohort.person_id and, without one on
 * reoffences.person_id, looked the cohort up in the file's order (1.4 s on a shuffled 300,000-record extract).
 */
export function numberExtractPersons(db: Db, cancelPoint: () => void): { reoffences: UnknownPersons; participants: UnknownPersons } {
  const persons = numberPersons(personIds(readExtractColumns(db, 'cohort', ['person_id']).get('person_id')));
  cancelPoint();
  const offenders = personIds(readExtractColumns(db, 'reoffences', ['person_id']).get('person_id'));
  const numbers = personNumbersOf(persons, offenders, cancelPoint);
  writeExtractColumn(db, 'reoffences', REOFFENCE_PERSON_COLUMN, { type: 'int32', values: numbers });
  const participants = (db.prepare('SELECT person_id FROM participants').pluck().all() as (string | null)[]).map((p) => p ?? '');
  return {
    reoffences: unknownPersons(offenders, numbers),
    participants: unknownPersons(participants, personNumbersOf(persons, participants)),
  };
}
