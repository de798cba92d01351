import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Db } from '../store';
import { importExtract } from '../import/importExtract';
import { writeDemoExtract, type DemoSummary } from '../../electron/cli/demoCommand';
import type { DemoTruth } from '../../shared/demo/generateDemoExtract';
import { deriveCohort, readCohortDerivation } from './deriveCohort';
import { readOutcomeColumns, writeExtractColumn } from '../columnStore/columnTables';
import { REOFFENCE_PERSON_COLUMN } from './loadExtractArrays';

let db: Db;
let demo: DemoSummary;
let truth: DemoTruth;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'matchlab-derive-'));
  demo = await writeDemoExtract(join(dir, 'demo'), { records: 6000, seed: 11 });
  truth = JSON.parse(readFileSync(demo.files.truth, 'utf8')) as DemoTruth;
  db = openStore(join(dir, 's.mlstore'), 'derive-test-pass');
  await importExtract(db, {
    cohort: { path: demo.files.cohort },
    reoffences: { path: demo.files.reoffences },
    participants: { path: demo.files.participants },
  });
});

describe('deriveCohort on a demo extract', () => {
  it("reproduces the generator's own record of the funnel, participant by participant", () => {
    const result = deriveCohort(db);
    expect(result.funnel.map(({ step, dropped, remaining }) => ({ step, dropped, remaining }))).toEqual(truth.funnel);
    const stored = db.prepare('SELECT participant_ref AS ref, status, record_id FROM participant_status ORDER BY row_no').all() as
      { ref: string; status: string; record_id: string | null }[];
    expect(Object.fromEntries(stored.map((r) => [r.ref, r.status]))).toEqual(truth.cases);
    for (const [ref, recordId] of Object.entries(truth.chosenRecord)) {
      expect(stored.find((r) => r.ref === ref)?.record_id).toBe(recordId);
    }
  });

  it('stores one outcome per cohort record, as columns, and the settings it used', () => {
    const columns = readOutcomeColumns(db);
    expect([...columns.keys()].sort()).toEqual([
      'age_at_index', 'complete_follow_up', 'custodial_sentences', 'days_to_first', 'first_court', 'first_custodial',
      'n_either_way', 'n_indictable', 'n_summary', 'pool_eligible', 'reoffences', 'reoffended',
    ]);
    for (const values of columns.values()) expect(values.length).toBe(demo.records);
    const stored = readCohortDerivation(db)!;
    expect(stored.settings).toMatchObject({ extractDate: truth.extractDate, followUpDays: 365, waitingDays: 183, windowAfterDays: 90 });
    expect(stored.profile.treatment.n).toBe(truth.funnel[truth.funnel.length - 1].remaining);
  });

  it('derives the same outcomes from a store imported before the import numbered the persons', () => {
    deriveCohort(db);
    const numbered = readOutcomeColumns(db);
    db.exec('SAVEPOINT older');
    try {
      // As such a store kept them: the reoffences' person_id as text, in file order, and no person numbers.
      expect(db.prepare('DELETE FROM extract_columns WHERE file = ? AND name = ?').run('reoffences', REOFFENCE_PERSON_COLUMN).changes).toBe(1);
      const ids = db.prepare('SELECT person_id FROM reoffences ORDER BY rowid').pluck().all() as string[];
      writeExtractColumn(db, 'reoffences', 'person_id', { type: 'text', values: ids });
      deriveCohort(db);
      expect(readOutcomeColumns(db)).toEqual(numbered);
    } finally {
      db.exec('ROLLBACK TO older; RELEASE older');
    }
  });

  it('re-derives under other settings and replaces the stored results', () => {
    const wider = deriveCohort(db, { windowAfterDays: 3650 });
    const noRecord = wider.funnel.find((s) => s.step === 'no_record')!;
    expect(noRecord.dropped).toBeLessThanOrEqual(truth.funnel.find((s) => s.step === 'no_record')!.dropped);
    expect(readCohortDerivation(db)!.settings.windowAfterDays).toBe(3650);
  });
});
