// Writes the demo-extract cohort of the second R reference fixture, through the product's own data path:
// `matchlab demo` extract -> import into an encrypted store -> cohort step -> the analysis job's read -> the
// National preset's prepareAnalysis. Run from the repository root: npx tsx bench/reference/makeDemoReference.ts
// Writes demo-cohort.csv (record_id, treated, the analysis's covariates as raw values, blank = missing, rows in
// record_id byte order) and demo-cohort-covariates.csv (covariate,kind in the analysis's order), the two inputs of
// glmReference.R. Seeded: the same files every time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../../electron/cli/demoCommand';
import { deriveCohort } from '../../db/cohort/deriveCohort';
import { importExtract } from '../../db/import/importExtract';
import { loadAnalysisData } from '../../db/runs/analysisData';
import { openStore } from '../../db/store';
import { NATIONAL } from '../../shared/engine/analysisSpec';
import { compareByteOrder } from '../../shared/engine/byteOrder';
import type { Column } from '../../shared/engine/column';
import { prepareAnalysis } from '../../shared/engine/prepareAnalysis';
import { covariateSidecarCsv } from './covariateSidecar';

const DEMO = { records: 1500, participants: 60, seed: 2024 };

/** Raw value of row i: the level text or the number as JavaScript writes it (shortest round trip); '' when missing. */
function cell(column: Column, i: number): string {
  if (column.kind === 'categorical') return column.codes[i] < 0 ? '' : column.levels[column.codes[i]];
  return Number.isNaN(column.values[i]) ? '' : String(column.values[i]);
}

const work = mkdtempSync(join(tmpdir(), 'matchlab-demo-reference-'));
try {
  const demo = await writeDemoExtract(join(work, 'demo'), DEMO);
  const db = openStore(join(work, 'reference.mlstore'), 'demo-reference-pass', { mode: 'create' });
  try {
    await importExtract(db, {
      cohort: { path: demo.files.cohort },
      reoffences: { path: demo.files.reoffences },
      participants: { path: demo.files.participants },
      // The demo's extract date is fixed, so pinning "today" to it keeps the import independent of the clock.
      today: demo.extractDate,
    });
    deriveCohort(db);
    const data = loadAnalysisData(db);
    const prepared = prepareAnalysis(data.table, data.treated, data.poolEligible, NATIONAL);
    // loadAnalysisData reads in SQLite's record_id order (byte order for these ASCII ids); sort anyway so the file
    // is in the order the engine works in whatever the store returned.
    const order = prepared.recordIds.map((_, k) => k).sort((a, b) => compareByteOrder(prepared.recordIds[a], prepared.recordIds[b]));
    const names = prepared.covariates.map((c) => c.name);
    if (names.some((name) => name.includes(',') || name.includes('"'))) throw new Error('a covariate name needs CSV quoting');
    const lines = [['record_id', 'treated', ...names].join(',')];
    for (const i of order) {
      const cells = prepared.covariates.map((c) => cell(c, i));
      if (cells.some((c) => c.includes(',') || c.includes('"') || c.includes('\n'))) throw new Error(`record ${prepared.recordIds[i]}: a value needs CSV quoting`);
      lines.push([prepared.recordIds[i], String(prepared.treated[i]), ...cells].join(','));
    }
    writeFileSync(new URL('./demo-cohort.csv', import.meta.url), lines.join('\n') + '\n');
    writeFileSync(new URL('./demo-cohort-covariates.csv', import.meta.url), covariateSidecarCsv(prepared.covariates));
    const nTreated = prepared.treated.reduce((sum, t) => sum + t, 0);
    console.log(`demo-cohort.csv: ${prepared.recordIds.length} rows (${nTreated} treated), extract date ${demo.extractDate}, ` +
      `covariates ${names.join(' ')}${prepared.droppedConstant.length > 0 ? `, constant (left out): ${prepared.droppedConstant.join(' ')}` : ''}`);
  } finally {
    db.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
