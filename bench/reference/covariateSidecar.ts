// The covariate list of a reference cohort CSV, beside it as `<cohort>-covariates.csv` (covariate,kind in the
// analysis's order): what glmReference.R builds its design from (base R reads no JSON) and what the tests read back.
import type { Column } from '../../shared/engine/column';
import { readCsvRows } from './readReferenceCohort';

export interface SidecarCovariate {
  name: string;
  kind: Column['kind'];
}

export function covariateSidecarCsv(covariates: readonly Column[]): string {
  return ['covariate,kind', ...covariates.map((c) => `${c.name},${c.kind}`)].join('\n') + '\n';
}

export function readCovariateSidecar(file: URL): SidecarCovariate[] {
  const [header, ...rows] = readCsvRows(file);
  if (header.join(',') !== 'covariate,kind') throw new Error(`${file.pathname}: expected the header covariate,kind`);
  return rows.map(([name, kind]) => {
    if (kind !== 'categorical' && kind !== 'numeric') throw new Error(`${file.pathname}: covariate ${name} has kind "${kind}"`);
    return { name, kind };
  });
}
