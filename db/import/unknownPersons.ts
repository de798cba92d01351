// Persons of the reoffences or participants who are not in the cohort: allowed, but counted.
import type { Db } from '../store';

export interface UnknownPersons {
  rows: number;
  persons: number;
}

/**
 * Counted in the store once the person_id indexes exist (a lookup per row in cohort_person_id),
 * which costs far less than keeping a set of a million person_ids in memory while reading and
 * passing another between threads.
 */
export function countUnknownPersons(db: Db, table: 'reoffences' | 'participants'): UnknownPersons {
  return db.prepare(`SELECT count(*) AS rows, count(DISTINCT person_id) AS persons FROM ${table}
    WHERE person_id IS NOT NULL AND person_id NOT IN (SELECT person_id FROM cohort)`).get() as UnknownPersons;
}
