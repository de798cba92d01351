// The import job stores the extract and its cohort step together or not at all: a cancel in any
// phase, the cohort step's included, leaves the store as it was.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../db/store';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import { storeInfo } from '../../db/extract/storeInfo';
import { tempDir, VALID_FILES, writeExtract } from '../../db/import/extractFixture';
import { importJob, IMPORT_JOB_PHASES } from './importJob';
import { JobCancelled } from './jobProtocol';

describe('import job', () => {
  const phases = IMPORT_JOB_PHASES.map((p) => p.label);

  it.each(phases)('cancelled at "%s" leaves the previous extract and its cohort step as they were', async (label) => {
    const dir = tempDir('matchlab-import-job-');
    const db = openStore(join(dir, 's.mlstore'), 'import-job-test');
    const quiet = { db, progress: () => undefined, signal: new AbortController().signal };
    await importJob({ ...quiet, payload: writeExtract(dir) });
    const before = { info: storeInfo(db), derivation: readCohortDerivation(db) };
    expect(before.derivation).not.toBeNull();

    // A second extract with one more cohort record, cancelled when the bar first shows `label`.
    const more = VALID_FILES.cohort + 'R5,P4,2016-10-30,1970-01-01,F,Wales,White,1,0,0,1,C\n';
    const seen: string[] = [];
    const cancelAt = (phase: string) => {
      seen.push(phase);
      if (phase.startsWith(label)) throw new JobCancelled();
    };
    await expect(importJob({ ...quiet, progress: cancelAt, payload: writeExtract(join(dir), { cohort: more }) })).rejects.toThrow(JobCancelled);
    expect(seen.some((p) => p.startsWith(label))).toBe(true);
    expect(storeInfo(db)).toEqual(before.info);
    expect(readCohortDerivation(db)).toEqual(before.derivation);
    db.close();
  });

  it('reports its phases in order, the cohort step before the commit; removing an extract only when there is one', async () => {
    const dir = tempDir('matchlab-import-job-');
    const db = openStore(join(dir, 's.mlstore'), 'import-job-test');
    const shown = async () => {
      const seen: string[] = [];
      await importJob({ db, progress: (phase) => seen.push(phase), signal: new AbortController().signal, payload: writeExtract(dir) });
      return phases.filter((label) => seen.some((p) => p.startsWith(label)));
    };
    expect(await shown()).toEqual(phases.filter((label) => label !== 'Removing the previous extract'));
    expect(await shown()).toEqual(phases);
    expect(phases[0]).toBe('Removing the previous extract');
    expect(storeInfo(db).rows.cohort).toBe(4);
    db.close();
  });
});
