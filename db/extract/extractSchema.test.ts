import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { createExtractTables } from './extractSchema';

describe('the reoffences table', () => {
  it('takes the three court outcomes and refuses any other text, whatever the import checked before', () => {
    const db = new Database(':memory:');
    createExtractTables(db, { family: [], extras: [] });
    const insert = db.prepare('INSERT INTO reoffences (person_id, offence_date, disposal_date, court_outcome, custodial) VALUES (?, 17000, 17010, ?, 0)');
    for (const outcome of ['indictable', 'either_way', 'summary']) insert.run('P1', outcome);
    for (const outcome of ['Summary', 'other', '', 'summary ']) expect(() => insert.run('P2', outcome), outcome).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT court_outcome FROM reoffences').pluck().all()).toEqual(['indictable', 'either_way', 'summary']);
  });
});
