import { CLI_EXAMPLE_SPEC } from './cliExampleSpec';
import { describe, expect, it } from 'vitest';
import { NATIONAL, REGIONAL, analysisSpecSchema, presetSpec, specSchema } from './analysisSpec';

describe('analysis spec', () => {
  it("fills in METHOD.md's defaults", () => {
    const a = analysisSpecSchema.parse({ name: 'A' });
    expect(a.pool).toEqual({});
    expect(a.exact).toEqual(['sex']);
    expect(a.matching).toEqual({ method: 'radius', caliper: 0.2, caliperUnit: 'sd' });
    const nearest = analysisSpecSchema.parse({ name: 'B', covariates: ['x'], matching: { method: 'nearest' } });
    expect(nearest.matching).toEqual({ method: 'nearest', ratio: 1, replace: false, caliperUnit: 'sd' });
    const spec = specSchema.parse({ organisation: 'Org', analyses: [{ name: 'A' }] });
    expect([spec.alpha, spec.power, spec.bands, spec.headline]).toEqual([0.05, 0.95, { well: 5, reasonably: 10 }, 'A']);
  });

  it("parses CLI.md's example; the presets are its analyses with the calipers that pass the gate on the demo", () => {
    const spec = specSchema.parse(CLI_EXAMPLE_SPEC);
    const [national, regional] = spec.analyses;
    expect({ ...national, matching: NATIONAL.matching }).toEqual(NATIONAL);
    expect({ ...regional, matching: REGIONAL.matching }).toEqual(REGIONAL);
    expect([NATIONAL.matching, REGIONAL.matching]).toEqual([
      { method: 'radius', caliper: 0.1, caliperUnit: 'sd' },
      { method: 'radius', caliper: 0.05, caliperUnit: 'sd' },
    ]);
    expect(presetSpec('Example programme')).toEqual({ ...spec, analyses: [NATIONAL, REGIONAL] });
  });

  it('rejects bad specs with a reason', () => {
    expect(() => specSchema.parse({ organisation: 'O', headline: 'X', analyses: [{ name: 'A' }] })).toThrow(/names no analysis/);
    expect(() => specSchema.parse({ organisation: 'O', analyses: [{ name: 'A' }, { name: 'A' }] })).toThrow(/two analyses/);
    expect(() => analysisSpecSchema.parse({ name: 'A', matching: { method: 'optimal' } })).toThrow();
    expect(() => analysisSpecSchema.parse({ name: 'A', matching: { method: 'nearest', ratio: 0 } })).toThrow();
  });

  it('names every unknown or unused field instead of dropping it (as MatchIt checks its arguments)', () => {
    const issues = (spec: unknown) => {
      const r = specSchema.safeParse(spec);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    // A misspelt alpha would silently leave 0.05 in force.
    expect(issues({ organisation: 'O', alfa: 0.01, analyses: [{ name: 'A' }] })).toEqual([': "alfa" is not a field of the spec']);
    expect(issues({ organisation: 'O', analyses: [{ name: 'A', covariate: ['x'] }] })).toEqual(['analyses.0: "covariate" is not a field of an analysis']);
    expect(issues({ organisation: 'O', bands: { well: 5, reasonabl: 9 }, analyses: [{ name: 'A' }] })).toEqual(['bands: "reasonabl" is not a field of bands']);
    expect(issues({ organisation: 'O', programme: { contacts: 'x' }, analyses: [{ name: 'A' }] })).toEqual(['programme: "contacts" is not a field of programme']);
    // Fields of another method, and a unit without a caliper, are not used: named, not dropped.
    expect(issues({ organisation: 'O', analyses: [{ name: 'A', matching: { method: 'radius', ratio: 2, replace: true } }] })).toEqual([
      'analyses.0.matching: "ratio" is not used by radius matching (only by nearest-neighbour matching); "replace" is not used by radius matching (only by nearest-neighbour matching)',
    ]);
    expect(issues({ organisation: 'O', analyses: [{ name: 'A', matching: { method: 'nearest', caliperUnit: 'logit' } }] })).toEqual([
      'analyses.0.matching.caliperUnit: "caliperUnit" is not used without a "caliper"',
    ]);
    // Radius and kernel without a caliper take the default 0.2 SD; nearest has none.
    expect(specSchema.parse({ organisation: 'O', analyses: [{ name: 'A', matching: { method: 'kernel' } }] }).analyses[0].matching).toEqual({ method: 'kernel', caliper: 0.2, caliperUnit: 'sd' });
  });
});
