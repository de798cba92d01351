// A `matchlab demo` extract of the given size imported into an encrypted store, run through the cohort step and
// read back exactly as the analysis job reads it: the data benchmarks measure the engine on (once per process).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../electron/cli/demoCommand';
import { openStore } from '../db/store';
import { importExtract } from '../db/import/importExtract';
import { deriveCohort } from '../db/cohort/deriveCohort';
import { loadAnalysisData, type AnalysisData } from '../db/runs/analysisData';

export async function demoAnalysisData(records: number): Promise<AnalysisData> {
  const dir = mkdtempSync(join(tmpdir(), 'matchlab-bench-'));
  try {
    const demo = await writeDemoExtract(join(dir, 'demo'), { records, seed: 20261125 });
    const db = openStore(join(dir, 'bench.mlstore'), 'bench passphrase');
    let t = performance.now();
    await importExtract(db, { cohort: { path: demo.files.cohort }, reoffences: { path: demo.files.reoffences }, participants: { path: demo.files.participants } });
    deriveCohort(db);
    console.log(`\ndemo extract: import + cohort step ${((performance.now() - t) / 1000).toFixed(1)} s (once)`);
    t = performance.now();
    const data = loadAnalysisData(db);
    console.log(`loading the analysis data from the store: ${(performance.now() - t).toFixed(0)} ms (once)`);
    db.close();
    return data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
