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

  it("parses CLI.md's example into the NATIONAL and REGIONAL presets", () => {
    const example = CLI_EXAMPLE_SPEC;
    const spec = specSchema.parse(example);
    expect(spec.analyses).toEqual([NATIONAL, REGIONAL]);
    expect(presetSpec('Example programme')).toEqual(spec);
  });

  it('rejects bad specs with a reason', () => {
    expect(() => specSchema.parse({ organisation: 'O', headline: 'X', analyses: [{ name: 'A' }] })).toThrow(/names no analysis/);
    expect(() => specSchema.parse({ organisation: 'O', analyses: [{ name: 'A' }, { name: 'A' }] })).toThrow(/two analyses/);
    expect(() => analysisSpecSchema.parse({ name: 'A', matching: { method: 'optimal' } })).toThrow();
    expect(() => analysisSpecSchema.parse({ name: 'A', matching: { method: 'nearest', ratio: 0 } })).toThrow();
  });
});
