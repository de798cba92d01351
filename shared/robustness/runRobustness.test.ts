// The robustness grid on a small synthetic cohort: the analysis's own specification reproduces the run exactly,
// the grid is the one METHOD.md section 12 describes, and the score model is fitted once per covariate set.
import { describe, expect, it } from 'vitest';
import { syntheticCohortData } from '../../bench/reference/syntheticCohortData';
import { SYNTHETIC_COVARIATES } from '../../bench/reference/syntheticCohort';
import { specSchema, type SpecInput } from '../engine/analysisSpec';
import { buildRunResults } from '../results/buildRunResults';
import { outcomesOfRows } from '../cohort/recordOutcomes';
import { runRobustness, RobustnessDataChanged } from './runRobustness';
import { OWN_SET, WITHOUT_OASYS_SET } from './robustnessGrid';

const data = syntheticCohortData(3000, 150, 21, -0.12);
const context = { runId: 'r', createdAt: '2026-01-01T00:00:00.000Z', cohortSettings: {}, funnel: [], profile: {} as never };

type MatchingInput = NonNullable<SpecInput['analyses'][number]['matching']>;

function runOf(matching: unknown, covariates = SYNTHETIC_COVARIATES) {
  const spec = specSchema.parse({ organisation: 'Test', analyses: [{ name: 'A', covariates, matching: matching as MatchingInput }] } satisfies SpecInput);
  const { results, records } = buildRunResults(data, spec, context);
  return { spec, analysis: results.analyses[0], own: records.get('A')! };
}

const settingsOf = (spec: ReturnType<typeof runOf>['spec']) => ({ alpha: spec.alpha, power: spec.power, bands: spec.bands });

describe('runRobustness', () => {
  it('reproduces the run’s estimates, group sizes and balance verdict exactly for the analysis’s own specification', () => {
    for (const matching of [{ method: 'radius', caliper: 0.2 }, { method: 'nearest', ratio: 1, replace: false }, { method: 'kernel', caliper: 0.3, caliperUnit: 'logit' }]) {
      const { spec, analysis, own } = runOf(matching);
      // With the run's score reused, and with the score fitted again: the same figures to the last bit.
      for (const reference of [own, undefined]) {
        const { result } = runRobustness(data, analysis.spec, settingsOf(spec), [], { reference });
        const entries = result.entries.filter((e) => e.own);
        expect(entries).toHaveLength(1);
        const e = entries[0];
        for (const m of ['rate', 'frequency', 'daysToFirst'] as const) {
          const { treatmentMean, comparisonMean, difference, ciLow, ciHigh, p, significant, shown } = analysis.outcomes[m];
          expect(e.measures[m]).toEqual({ treatmentMean, comparisonMean, difference, ciLow, ciHigh, p, significant, shown });
        }
        expect(e.treatment.matched).toBe(analysis.treatment.n);
        expect(e.treatment.notMatched).toBe(analysis.treatment.notMatched);
        expect(e.comparison).toEqual({ records: analysis.comparison.records, effectiveSize: analysis.comparison.effectiveSize });
        // The same verdict as the run's matching-quality gate (METHOD.md 4a), which results.json carries.
        expect(e.gate).toEqual(analysis.matchingQuality);
        expect(e.covariateSet).toBe(OWN_SET);
      }
    }
  });

  it('runs the grid: 4 methods x 4 calipers, nearest also without, for the own covariates and without OASys items', () => {
    const { spec, analysis, own } = runOf({ method: 'radius', caliper: 0.2 });
    const { result, timings } = runRobustness(data, analysis.spec, settingsOf(spec), [], { reference: own });
    expect(result.covariateSets.map((s) => [s.name, s.run])).toEqual([[OWN_SET, true], [WITHOUT_OASYS_SET, true]]);
    expect(result.covariateSets[1].covariates).toEqual(SYNTHETIC_COVARIATES.filter((c) => c !== 'oasys_*'));
    expect(result.entries).toHaveLength(36);
    const labels = result.entries.filter((e) => e.covariateSet === OWN_SET).map((e) => e.label);
    expect(labels).toEqual([
      'Radius, caliper 0.05 SD', 'Radius, caliper 0.1 SD', 'Radius, caliper 0.2 SD', 'Radius, caliper 0.5 SD',
      'Nearest 1:1 without replacement, no caliper', 'Nearest 1:1 without replacement, caliper 0.05 SD',
      'Nearest 1:1 without replacement, caliper 0.1 SD', 'Nearest 1:1 without replacement, caliper 0.2 SD',
      'Nearest 1:1 without replacement, caliper 0.5 SD',
      'Nearest 1:3 with replacement, no caliper', 'Nearest 1:3 with replacement, caliper 0.05 SD',
      'Nearest 1:3 with replacement, caliper 0.1 SD', 'Nearest 1:3 with replacement, caliper 0.2 SD',
      'Nearest 1:3 with replacement, caliper 0.5 SD',
      'Kernel, bandwidth 0.05 SD', 'Kernel, bandwidth 0.1 SD', 'Kernel, bandwidth 0.2 SD', 'Kernel, bandwidth 0.5 SD',
    ]);
    // The own specification is the grid's radius 0.2 SD entry, not an extra one.
    expect(result.entries.filter((e) => e.own).map((e) => e.label)).toEqual(['Radius, caliper 0.2 SD']);
    // One score model per covariate set: the run's is reused, the one without OASys items is fitted once.
    expect(timings.fits).toBe(1);
    expect(runRobustness(data, analysis.spec, settingsOf(spec), []).timings.fits).toBe(2);
    // Narrower calipers leave more treated unmatched; nearest without caliper matches everyone.
    const notMatched = (label: string) => result.entries.find((e) => e.covariateSet === OWN_SET && e.label === label)!.treatment.notMatched;
    expect(notMatched('Radius, caliper 0.05 SD')).toBeGreaterThanOrEqual(notMatched('Radius, caliper 0.5 SD'));
    expect(notMatched('Nearest 1:3 with replacement, no caliper')).toBe(0);
  });

  it('puts an own matching that is not in the grid first, and skips covariate sets that repeat an earlier one', () => {
    const { spec, analysis, own } = runOf({ method: 'nearest', ratio: 2, replace: true, caliper: 0.3 }, ['age_at_index', 'ethnicity', 'prev_*']);
    const extra = [
      { name: 'Age and offences', covariates: ['prev_*', 'age_at_index', 'ethnicity'] },
      { name: 'With OASys', covariates: ['age_at_index', 'ethnicity', 'prev_*', 'oasys_*'] },
    ];
    const { result } = runRobustness(data, analysis.spec, settingsOf(spec), extra, { reference: own });
    expect(result.entries[0]).toMatchObject({ own: true, label: 'Nearest 1:2 with replacement, caliper 0.3 SD', covariateSet: OWN_SET });
    // No OASys items in the analysis: "without OASys" is the same set, and so is the analyst's reordered copy;
    // both are listed, with why they were not run.
    expect(result.covariateSets.map((s) => [s.name, s.run])).toEqual([[OWN_SET, true], [WITHOUT_OASYS_SET, false], ['Age and offences', false], ['With OASys', true]]);
    expect(result.covariateSets[1].note).toContain(OWN_SET);
    expect(result.covariateSets[2].note).toContain(OWN_SET);
    expect(result.entries).toHaveLength(1 + 18 + 18);
  });

  it('names an analyst’s unknown covariate, and refuses data that are not the run’s', () => {
    const { spec, analysis, own } = runOf({ method: 'radius' });
    expect(() => runRobustness(data, analysis.spec, settingsOf(spec), [{ name: 'Mine', covariates: ['age_at_index', 'motivation'] }])).toThrow(/Covariate set “Mine”: unknown covariate: motivation/);
    const treated = Uint8Array.from(own.treated);
    treated[treated.indexOf(1)] = 0;
    expect(() => runRobustness(data, analysis.spec, settingsOf(spec), [], { reference: { ...own, treated } })).toThrow(RobustnessDataChanged);
  });

  it('gives the same check whatever the row order of the data', () => {
    const { spec, analysis } = runOf({ method: 'nearest', ratio: 1, replace: false, caliper: 0.2 });
    const n = data.table.recordIds.length;
    const order = Int32Array.from({ length: n }, (_, k) => n - 1 - k);
    const pick = <T extends Uint8Array | Int8Array | Int16Array | Int32Array | Float64Array>(a: T): T => Object.assign(new (a.constructor as new (n: number) => T)(n), {}).map((_, k) => a[order[k]]) as T;
    const columns = new Map([...data.table.columns].map(([name, c]) => [name, c.kind === 'numeric' ? { ...c, values: pick(c.values) } : { ...c, codes: pick(c.codes) }]));
    const recordIds = Array.from(order, (i) => data.table.recordIds[i]);
    const reversed = { table: { recordIds, columns }, treated: pick(data.treated), poolEligible: pick(data.poolEligible), outcomes: outcomesOfRows(data.outcomes, order) };
    const a = runRobustness(data, analysis.spec, settingsOf(spec), []).result;
    const b = runRobustness(reversed, analysis.spec, settingsOf(spec), []).result;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
