// Writes the small cohort of the R reference fixture: npx tsx bench/reference/makeReferenceCohort.ts
// (seeded: the same files every time). cohort.csv: record_id, treated, then the columns; blank = missing.
// cohort-covariates.csv: the covariates of SYNTHETIC_COVARIATES as the analysis resolves them (glmReference.R's list).
import { writeFileSync } from 'node:fs';
import { NATIONAL } from '../../shared/engine/analysisSpec';
import { prepareAnalysis } from '../../shared/engine/prepareAnalysis';
import { covariateSidecarCsv } from './covariateSidecar';
import { syntheticCohort, SYNTHETIC_COVARIATES } from './syntheticCohort';

const RECORDS = 600;
const TREATED = 150;
const SEED = 5;

const { table, treated, eligiblePool } = syntheticCohort(RECORDS, TREATED, SEED);
const names = [...table.columns.keys()];
const lines = [['record_id', 'treated', ...names].join(',')];
table.recordIds.forEach((id, i) => {
  const cells = names.map((name) => {
    const c = table.columns.get(name)!;
    if (c.kind === 'categorical') return c.codes[i] < 0 ? '' : c.levels[c.codes[i]];
    return Number.isNaN(c.values[i]) ? '' : String(c.values[i]);
  });
  lines.push([id, String(treated[i]), ...cells].join(','));
});
writeFileSync(new URL('./cohort.csv', import.meta.url), lines.join('\n') + '\n');
const { covariates } = prepareAnalysis(table, treated, eligiblePool, { ...NATIONAL, covariates: SYNTHETIC_COVARIATES });
writeFileSync(new URL('./cohort-covariates.csv', import.meta.url), covariateSidecarCsv(covariates));
