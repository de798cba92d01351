// Reads a reference cohort CSV (plain CSV without quotes, blank = missing: cohort.csv, demo-cohort.csv) back into
// a cohort table.
import { readFileSync } from 'node:fs';
import type { Column } from '../../shared/engine/column';
import type { CohortTable } from '../../shared/engine/prepareAnalysis';

const CATEGORICAL = new Set(['sex', 'region', 'ethnicity', 'index_offence', 'index_disposal']);

export function readCsvRows(file: URL): string[][] {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(','));
}

/** Columns record_id, treated, then covariates; `categorical` names the columns read as level text. */
export function readCohortCsv(file: URL, categorical: ReadonlySet<string>): { table: CohortTable; treated: Uint8Array; eligiblePool: Uint8Array } {
  const [header, ...rows] = readCsvRows(file);
  const columns = new Map<string, Column>();
  header.slice(2).forEach((name, k) => {
    const cells = rows.map((r) => r[k + 2]);
    if (categorical.has(name)) {
      // Levels in order of first appearance: the engine must not depend on it.
      const levels = [...new Set(cells.filter((c) => c !== ''))];
      columns.set(name, { kind: 'categorical', name, levels, codes: Int32Array.from(cells, (c) => (c === '' ? -1 : levels.indexOf(c))) });
    } else columns.set(name, { kind: 'numeric', name, values: Float64Array.from(cells, (c) => (c === '' ? Number.NaN : Number(c))) });
  });
  const treated = Uint8Array.from(rows, (r) => Number(r[1]));
  return { table: { recordIds: rows.map((r) => r[0]), columns }, treated, eligiblePool: treated.map((t) => 1 - t) };
}

/** The synthetic cohort of the first fixture (cohort.csv). */
export function readReferenceCohort(): { table: CohortTable; treated: Uint8Array; eligiblePool: Uint8Array } {
  return readCohortCsv(new URL('./cohort.csv', import.meta.url), CATEGORICAL);
}
