import { describe, expect, it } from 'vitest';
import { southwarkRun } from '../../shared/report/reportFixture';
import type { RunResults } from '../../shared/results/runResults';
import { analysisNames, balanceSummary, compareRun, setupRows } from './compareRuns';

/** The fixture run with its National caliper changed and one covariate row made poorly matched. */
function variant(caliper: number, poorly: boolean): RunResults {
  const run = structuredClone(southwarkRun());
  const national = run.analyses.find((a) => a.name === 'National')!;
  national.spec = { ...national.spec, matching: { method: 'radius', caliper, caliperUnit: 'sd' } };
  if (poorly) national.balance[0] = { ...national.balance[0], smdAfter: 14.2, band: 'poorly' };
  return run;
}

describe('compare runs', () => {
  it('marks the set-up rows that differ and leaves the others plain', () => {
    const rows = setupRows([compareRun(variant(0.1, false), 'National'), compareRun(variant(0.2, false), 'National')]);
    const caliper = rows.find((r) => r.label === 'Caliper')!;
    expect(caliper).toEqual({ label: 'Caliper', values: ['0.1 SD', '0.2 SD'], differs: true });
    expect(rows.find((r) => r.label === 'Matching method')!.differs).toBe(false);
  });

  it('counts the covariate rows per band, names the worst, and applies the matching-quality gate', () => {
    const good = compareRun(variant(0.2, false), 'National');
    const bad = compareRun(variant(0.1, true), 'National');
    expect(bad.balance!.worst[0]).toMatchObject({ smdAfter: 14.2, band: 'poorly' });
    expect(bad.balance!.bands.poorly).toBe(good.balance!.bands.poorly + 1);
    expect(bad.gate!.passes).toBe(false);
    expect(bad.gate!.poorlyMatched.map((r) => r.smdAfter)).toContain(14.2);
    const summary = balanceSummary(bad.analysis!);
    expect(summary.largest).toBe(14.2);
  });

  it('lists analysis names found in every run first; a run without the chosen one compares as empty', () => {
    const a = variant(0.1, false);
    const b = { ...variant(0.2, false), analyses: variant(0.2, false).analyses.filter((x) => x.name === 'National') };
    const names = analysisNames([b, a]);
    expect(names[0]).toBe('National');
    expect(names.length).toBe(a.analyses.length);
    expect(compareRun(b, names[1])).toMatchObject({ analysis: null, gate: null });
  });
});
