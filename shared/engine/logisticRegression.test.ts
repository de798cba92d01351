import { describe, expect, it } from 'vitest';
import { readCsvRows, readReferenceCohort } from '../../bench/reference/readReferenceCohort';
import { SYNTHETIC_COVARIATES } from '../../bench/reference/syntheticCohort';
import { NATIONAL } from './analysisSpec';
import { codeCovariates } from './covariateCoding';
import { buildDesign } from './designMatrix';
import { fitLogistic } from './logisticRegression';
import { prepareAnalysis } from './prepareAnalysis';

describe('fitLogistic', () => {
  it("equals R's glm(family = binomial) on the reference cohort (fitted probabilities within 1e-8)", () => {
    const { table, treated, eligiblePool } = readReferenceCohort();
    const input = prepareAnalysis(table, treated, eligiblePool, { ...NATIONAL, covariates: SYNTHETIC_COVARIATES });
    const coded = codeCovariates(input.covariates, input.treated);
    const { design, droppedColumns, first } = buildDesign(coded, input.treated);
    // The design's first step taken over, as the engine does; the fits below make their own.
    const fit = fitLogistic(design, input.treated, { first });

    const [, ...coefRows] = readCsvRows(new URL('../../bench/reference/glm-coefficients.csv', import.meta.url));
    const unquote = (s: string): string => s.replace(/^"|"$/g, '');
    expect(droppedColumns).toEqual([]);
    expect(fit.names).toEqual(coefRows.map((r) => unquote(r[0])));
    coefRows.forEach((r, j) => {
      expect(Math.abs(fit.coefficients[j] - Number(unquote(r[1])))).toBeLessThan(1e-7);
      expect(Math.abs(fit.standardErrors[j] - Number(unquote(r[2])))).toBeLessThan(1e-7);
    });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(Number(coefRows[0][3]));
    expect(Math.abs(fit.deviance - Number(unquote(coefRows[0][4])))).toBeLessThan(1e-8);

    const [, ...fittedRows] = readCsvRows(new URL('../../bench/reference/glm-fitted.csv', import.meta.url));
    const rowOf = new Map(input.recordIds.map((id, i) => [id, i]));
    expect(fittedRows.length).toBe(input.recordIds.length);
    let worst = 0;
    for (const [id, fitted, eta] of fittedRows) {
      const i = rowOf.get(id)!;
      worst = Math.max(worst, Math.abs(fit.fitted[i] - Number(fitted)));
      expect(Math.abs(fit.linearPredictor[i] - Number(eta))).toBeLessThan(1e-7);
    }
    expect(worst).toBeLessThan(1e-8);
    // Taking the design's first step over changes nothing: the same fit to the last bit as one that makes its own.
    const own = fitLogistic(design, input.treated);
    expect(own.coefficients).toEqual(fit.coefficients);
    expect(own.linearPredictor).toEqual(fit.linearPredictor);
    expect(own.deviance).toBe(fit.deviance);
  });

  it('gives the group proportions for a single 0/1 covariate (closed-form maximum likelihood)', () => {
    // x = 0: 1 treated of 4 (p = 1/4); x = 1: 3 treated of 4 (p = 3/4). beta0 = logit(1/4) = -log 3, beta1 = 2 log 3.
    const x = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const y = Uint8Array.from([1, 0, 0, 0, 1, 1, 1, 0]);
    const { design } = buildDesign([{ kind: 'numeric', variable: 'x', values: x, missing: null, fillValue: 0.5, binary: true }], y);
    const fit = fitLogistic(design, y);
    expect(fit.coefficients[0]).toBeCloseTo(-Math.log(3), 10);
    expect(fit.coefficients[1]).toBeCloseTo(2 * Math.log(3), 10);
    // SE of beta1 = sqrt(sum over groups of 1/(n p (1-p))) = sqrt(2 / (4 x 3/16)); R (and the fit) take it from the
    // weights of the last IRLS step, one step short of the limit, hence 5 digits.
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(2 / (4 * (3 / 16))), 5);
    expect(Array.from(fit.fitted)).toEqual(expect.arrayContaining([expect.closeTo(0.25, 10), expect.closeTo(0.75, 10)]));
    expect(fit.separation).toEqual({ fittedAtBounds: 0, variables: [] });
  });

  it('reports quasi-separation by variable name', () => {
    // Every x = 1 row is treated: beta for x runs off to infinity, its |z| collapses, fitted p reaches 1.
    const x = Float64Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const y = Uint8Array.from([1, 0, 1, 0, 0, 0, 1, 1, 1]);
    const { design } = buildDesign([{ kind: 'numeric', variable: 'x', values: x, missing: null, fillValue: 0, binary: true }], y);
    const fit = fitLogistic(design, y);
    expect(fit.separation.variables).toEqual(['x']);
    expect(fit.separation.fittedAtBounds).toBe(3);
    expect(fit.coefficients[1]).toBeGreaterThan(10);
  });
});
