import { describe, expect, it } from 'vitest';
import { readCovariateSidecar } from '../../bench/reference/covariateSidecar';
import { readCohortCsv, readCsvRows } from '../../bench/reference/readReferenceCohort';
import { widenNumbers, type Column } from './column';
import { codeCovariates } from './covariateCoding';
import { buildDesign } from './designMatrix';
import { fitLogistic } from './logisticRegression';

// The National analysis of a `matchlab demo` extract (1,500 records, 60 participants, seed 2024), taken through
// import, the cohort step and the analysis job's read by bench/reference/makeDemoReference.ts, and fitted by R's
// glm in bench/reference/glmReference.R. Several levels have no treated record (quasi-separation): R warns
// "fitted probabilities numerically 0 or 1 occurred" but meets its stopping rule; every OASys missing indicator is
// the same column (one assessment is missing as a whole), so R aliases all but the first.
const reference = (name: string): URL => new URL(`../../bench/reference/${name}`, import.meta.url);
const unquote = (s: string): string => s.replace(/^"|"$/g, '');

const sidecar = readCovariateSidecar(reference('demo-cohort-covariates.csv'));
const { table, treated } = readCohortCsv(reference('demo-cohort.csv'), new Set(sidecar.filter((c) => c.kind === 'categorical').map((c) => c.name)));
const columns: Column[] = sidecar.map((c) => {
  const column = table.columns.get(c.name)!;
  return column.kind === 'numeric' ? { ...column, values: widenNumbers(column.values) } : column;
});
const coded = codeCovariates(columns, treated);
const { design, droppedColumns, first } = buildDesign(coded, treated);
const fit = fitLogistic(design, treated, { first });

const [, ...coefRows] = readCsvRows(reference('demo-glm-coefficients.csv'));
const rCoefficients = coefRows.map((r) => ({ name: unquote(r[0]), estimate: Number(unquote(r[1])), se: Number(unquote(r[2])) }));
const rIterations = Number(coefRows[0][3]);
const rDeviance = Number(unquote(coefRows[0][4]));
const rWarning = unquote(coefRows[0][6]);

/** Indicator columns of levels that no treated record has, found from the data alone (their MLE is minus infinity). */
function levelsWithoutTreated(): string[] {
  const names: string[] = [];
  for (const c of columns) {
    if (c.kind !== 'categorical') continue;
    const rows = new Map<number, { all: number; treated: number }>();
    c.codes.forEach((code, i) => {
      const t = rows.get(code) ?? { all: 0, treated: 0 };
      t.all++;
      t.treated += treated[i];
      rows.set(code, t);
    });
    const mostFrequent = Math.max(...[...rows.values()].map((t) => t.all));
    for (const [code, t] of rows) if (t.treated === 0 && t.all < mostFrequent) names.push(`${c.name}=${code < 0 ? '(missing)' : c.levels[code]}`);
  }
  return names;
}

describe("fitLogistic on a demo extract against R's glm", () => {
  it('builds the same design columns in the same order, dropping the columns R aliases', () => {
    expect(fit.names).toEqual(rCoefficients.filter((c) => !Number.isNaN(c.estimate)).map((c) => c.name));
    expect(droppedColumns).toEqual(rCoefficients.filter((c) => Number.isNaN(c.estimate)).map((c) => c.name));
    expect(droppedColumns.length).toBeGreaterThan(0);
  });

  it('stops at the same iteration with the same deviance', () => {
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(rIterations);
    expect(Math.abs(fit.deviance - rDeviance)).toBeLessThan(1e-8);
  });

  it("gives R's fitted probabilities within 1e-8 for every record", () => {
    const [, ...fittedRows] = readCsvRows(reference('demo-glm-fitted.csv'));
    expect(fittedRows.map((r) => r[0])).toEqual(table.recordIds);
    let worst = 0;
    fittedRows.forEach(([, fitted], i) => {
      worst = Math.max(worst, Math.abs(fit.fitted[i] - Number(fitted)));
    });
    expect(worst).toBeLessThan(1e-8);
  });

  it('reports the separated levels by name, as R warns, and agrees on every other coefficient', () => {
    const separated = levelsWithoutTreated();
    expect(separated).toContain('index_offence=Robbery');
    expect(fit.separation.variables).toEqual(separated);
    expect(fit.separation.fittedAtBounds).toBeGreaterThan(0);
    expect(rWarning).toContain('fitted probabilities numerically 0 or 1 occurred');
    // A separated coefficient is wherever the iterations stopped on its way to minus infinity: only its sign and
    // size compare. The others are identified and must agree.
    fit.names.forEach((name, j) => {
      const r = rCoefficients.find((c) => c.name === name)!;
      if (separated.includes(name)) {
        expect(r.estimate).toBeLessThan(-10);
        expect(fit.coefficients[j]).toBeLessThan(-10);
      } else {
        expect(Math.abs(fit.coefficients[j] - r.estimate)).toBeLessThan(1e-7);
        expect(Math.abs(fit.standardErrors[j] - r.se)).toBeLessThan(1e-7);
      }
    });
  });
});
