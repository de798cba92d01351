// The synthetic cohort of syntheticCohort.ts with one-year outcomes drawn for each record: what an analysis
// run reads (shared/results/buildRunResults.ts CohortData), for engine-level tests and benchmarks that need
// outcomes without a store. Reoffending depends on the recorded covariates (age, previous offences) and, for
// treated records, on `effect` (added to the probability), so matching has something to correct.
import type { RecordOutcomes } from '../../shared/cohort/recordOutcomes';
import type { CohortData } from '../../shared/results/buildRunResults';
import { seededRandom, syntheticCohort } from './syntheticCohort';

export function syntheticCohortData(n: number, nTreated: number, seed: number, effect = -0.1): CohortData {
  const cohort = syntheticCohort(n, nTreated, seed);
  const random = seededRandom(seed ^ 0x5eed);
  const age = cohort.table.columns.get('age_at_index')!;
  const prev = cohort.table.columns.get('prev_offences')!;
  if (age.kind !== 'numeric' || prev.kind !== 'numeric') throw new Error('synthetic cohort: age and prev_offences are numeric');
  const outcomes: RecordOutcomes = {
    reoffended: new Uint8Array(n),
    count: new Int32Array(n),
    daysToFirst: new Float64Array(n).fill(Number.NaN),
    firstCourtOutcome: new Int8Array(n).fill(-1),
    firstCustodial: new Uint8Array(n),
    countByCourt: [new Int32Array(n), new Int32Array(n), new Int32Array(n)],
    custodialCount: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const logit = -0.6 - 0.03 * (age.values[i] - 30) + 0.12 * prev.values[i];
    const p = Math.min(0.99, Math.max(0.01, 1 / (1 + Math.exp(-logit)) + (cohort.treated[i] ? effect : 0)));
    if (random() >= p) continue;
    const count = 1 + Math.floor(-Math.log(1 - random()) * (1 + 0.1 * prev.values[i]));
    outcomes.reoffended[i] = 1;
    outcomes.count[i] = count;
    outcomes.daysToFirst[i] = 1 + Math.floor(random() * 365);
    for (let k = 0; k < count; k++) {
      const court = Math.floor(random() * 3);
      if (k === 0) outcomes.firstCourtOutcome[i] = court;
      outcomes.countByCourt[court][i]++;
      const custodial = random() < 0.2 ? 1 : 0;
      if (k === 0) outcomes.firstCustodial[i] = custodial;
      outcomes.custodialCount[i] += custodial;
    }
  }
  return { table: cohort.table, treated: cohort.treated, poolEligible: cohort.eligiblePool, outcomes };
}
