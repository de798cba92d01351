// Writes the small cohort of the R reference fixture: npx tsx bench/reference/makeReferenceCohort.ts
// (seeded: the same file every time). Columns: record_id, treated, then the covariates; blank = missing.
import { writeFileSync } from 'node:fs';
import { syntheticCohort } from './syntheticCohort';

const RECORDS = 600;
const TREATED = 150;
const SEED = 5;

const { table, treated } = syntheticCohort(RECORDS, TREATED, SEED);
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
