// The Excel annex (`matchlab report --out FILE.xlsx`): every analysis's outcome measures with CIs and gates, its
// balance table and score model, the funnel and the profiles, the sensitivity figures, and every specification of the
// run's robustness check when there is one. Aggregates only: no record-level data. Figures are
// unrounded, in natural units (a rate as a proportion), with display formats, so an analyst can recompute from them.
import ExcelJS from 'exceljs';
import type { ProfileBreakdown } from '../cohort/treatmentProfile';
import type { RunResults } from '../results/runResults';
import type { RobustnessCheck } from '../robustness/robustnessCheck';
import { COURT_LABELS, MEASURE_TABLES, tableRows } from './measureTables';

/** Excel forbids []:*?/\ in sheet names and allows 31 characters; names must be unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1).trimEnd()} ${k}`;
  taken.add(name.toLowerCase());
  return name;
}

type Cell = string | number | boolean | null;

function addSheet(wb: ExcelJS.Workbook, taken: Set<string>, name: string, columns: { header: string; width: number; format?: string }[], rows: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return ws;
}

const DECIMAL = '0.0000';
const COUNT = '#,##0';

function outcomeRows(run: RunResults): Cell[][] {
  const rows: Cell[][] = [];
  for (const a of run.analyses) {
    for (const t of MEASURE_TABLES) {
      for (const { court, measure: m } of tableRows(t, a.outcomes)) {
        rows.push([
          a.name, t.number, t.heading, court === null ? null : COURT_LABELS[court], t.unit,
          m.nTreatment, m.nComparison, m.effectiveSize, m.treatmentMean, m.comparisonMean, m.difference, m.ciLow, m.ciHigh, m.p,
          m.significant ? 'Yes' : 'No', m.shown ? 'Yes' : 'No', m.hiddenReason, m.unavailableReason, m.events, m.numberNeeded,
        ]);
      }
    }
  }
  return rows;
}

function profileRows(label: string, g: RunResults['profile']['treatment']): Cell[][] {
  const rows: Cell[][] = [];
  const breakdown = (what: string, b: ProfileBreakdown | null) => {
    for (const s of b?.shares ?? []) rows.push([label, what, s.label, s.count, s.percent / 100]);
  };
  breakdown('Sex', g.sex);
  breakdown('Ethnicity', g.ethnicity);
  breakdown('Nationality', g.ukNational);
  if (g.age !== null) rows.push([label, 'Age at index', 'Minimum', g.age.min, null], [label, 'Age at index', 'Maximum', g.age.max, null], [label, 'Age at index', 'Mean', g.age.mean, null]);
  breakdown('Index sentence', g.sentence);
  if (g.riskNeeds !== null) {
    rows.push([label, 'Risks and needs (OASys)', 'Assessed on at least one item', g.riskNeeds.assessed, g.riskNeeds.assessedPercent / 100]);
    for (const i of g.riskNeeds.items) {
      // percent is NaN (null once through JSON) when nobody was assessed on the item.
      const share = i.percent === null || !Number.isFinite(i.percent) ? null : i.percent / 100;
      rows.push([label, 'Risks and needs (OASys)', `${i.item}: some or significant problems (of ${i.assessed} assessed)`, i.withProblems, share]);
    }
  }
  return rows;
}

/** E-values of every analysis's rate and frequency, then its Rosenbaum bounds where it has them (METHOD.md 11). */
function sensitivityRows(run: RunResults): Cell[][] {
  const rows: Cell[][] = [];
  for (const a of run.analyses) {
    if (!a.sensitivity) continue;
    for (const measure of ['rate', 'frequency'] as const) {
      const e = a.sensitivity[measure];
      rows.push([a.name, measure === 'rate' ? 'Reoffending rate: E-value' : 'Reoffending frequency: E-value', e.ratio, e.estimate, e.boundRatio, e.bound]);
    }
    const r = a.sensitivity.rosenbaum;
    if (!r) continue;
    rows.push([a.name, `Rosenbaum: pairs ${r.pairs}, only treated reoffended ${r.treatedOnly}, only comparison ${r.comparisonOnly}`, null, null, null, null]);
    for (const b of r.bounds) rows.push([a.name, `Rosenbaum: upper bound of the one-sided p at Gamma ${b.gamma}`, null, b.p, null, null]);
    rows.push([a.name, 'Rosenbaum: largest Gamma still significant (step 0.05)', null, r.criticalGamma, null, null]);
  }
  return rows;
}

/** Every specification of a robustness check, one row each, with its headline estimates. */
function robustnessRows(check: RobustnessCheck): Cell[][] {
  return check.analyses.flatMap((a) =>
    a.entries.map((e): Cell[] => [
      a.analysis, e.covariateSet, e.label, e.own ? 'Yes' : 'No', e.treatment.matched, e.treatment.notMatched, e.comparison.records, e.comparison.effectiveSize,
      e.gate.passes ? 'Yes' : 'No', e.gate.poorlyMatched.map((r) => (r.level === null ? r.variable : `${r.variable}: ${r.level}`)).join(', '),
      ...(['rate', 'frequency', 'daysToFirst'] as const).flatMap((m): Cell[] => {
        const x = e.measures[m];
        return x.shown ? [x.difference, x.ciLow, x.ciHigh, x.p, x.significant ? 'Yes' : 'No'] : [null, null, null, null, 'not shown'];
      }),
    ]),
  );
}

export function buildAnnexWorkbook(run: RunResults, robustness: RobustnessCheck | null = null): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Matchlab';
  // The run's own time, not the clock: the same run gives the same workbook.
  wb.created = new Date(run.createdAt);
  wb.modified = new Date(run.createdAt);
  const taken = new Set<string>();
  addSheet(wb, taken, 'Run', [{ header: 'Setting', width: 34 }, { header: 'Value', width: 60 }], [
    ['Organisation', run.spec.organisation],
    ['Run', run.runId],
    ['Created', run.createdAt],
    ['Engine version', run.engineVersion],
    ['Headline analysis', run.spec.headline],
    ['Significance level', run.spec.alpha],
    ['Power', run.spec.power],
    ['Band: well matched below (|SMD| %)', run.spec.bands.well],
    ['Band: reasonably matched below (|SMD| %)', run.spec.bands.reasonably],
    ...Object.entries(run.cohortSettings).map(([k, v]): Cell[] => [`Cohort: ${k}`, v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean)]),
    ...run.analyses.map((a): Cell[] => [`Analysis: ${a.name}`, JSON.stringify(a.spec)]),
    ...run.analyses.map((a): Cell[] => [
      `Matching-quality gate: ${a.name}`,
      a.matchingQuality.passes ? 'passed' : `not passed${a.justification ? `; published on the justification recorded ${a.justification.recordedAt}: ${a.justification.text}` : '; findings withheld'}`,
    ]),
  ]);
  addSheet(wb, taken, 'Outcomes', [
    { header: 'Analysis', width: 14 }, { header: 'Table', width: 7 }, { header: 'Measure', width: 48 }, { header: 'Court outcome', width: 13 }, { header: 'Unit', width: 10 },
    { header: 'Number in treatment group', width: 12, format: COUNT }, { header: 'Number in comparison group', width: 12, format: COUNT }, { header: 'Effective comparison size', width: 12, format: '#,##0.0' },
    { header: 'Treatment mean', width: 11, format: DECIMAL }, { header: 'Comparison mean', width: 11, format: DECIMAL }, { header: 'Difference', width: 11, format: DECIMAL },
    { header: '95% CI low', width: 11, format: DECIMAL }, { header: '95% CI high', width: 11, format: DECIMAL }, { header: 'p-value', width: 10, format: DECIMAL },
    { header: 'Significant', width: 10 }, { header: 'Shown in report', width: 10 }, { header: 'Why hidden', width: 60 }, { header: 'Why no CI', width: 40 },
    { header: 'Treatment events (n x mean)', width: 12 }, { header: 'Treatment group size needed', width: 12, format: COUNT },
  ], outcomeRows(run));
  for (const a of run.analyses) {
    addSheet(wb, taken, `Balance ${a.name}`, [
      { header: 'Variable', width: 22 }, { header: 'Level', width: 22 }, { header: 'Treated mean (all)', width: 12, format: DECIMAL }, { header: 'Pool mean', width: 12, format: DECIMAL },
      { header: 'Treated mean (matched)', width: 12, format: DECIMAL }, { header: 'Comparison mean (weighted)', width: 12, format: DECIMAL },
      { header: 'SMD before (%)', width: 10, format: '0.0' }, { header: 'SMD after (%)', width: 10, format: '0.0' }, { header: 'Band', width: 11 }, { header: 'Variance ratio', width: 10, format: '0.00' },
    ], a.balance.map((r) => [r.variable, r.level, r.allTreatedMean, r.poolMean, r.treatedMean, r.comparisonMean, r.smdBefore, r.smdAfter, r.band, r.varianceRatio]));
    addSheet(wb, taken, `Model ${a.name}`, [{ header: 'Term', width: 34 }, { header: 'Estimate', width: 12, format: DECIMAL }, { header: 'Standard error', width: 12, format: DECIMAL }, { header: 'z', width: 10, format: '0.00' }], [
      ...a.model.coefficients.map((c): Cell[] => [c.name, c.estimate, c.standardError, c.z]),
      [],
      ['Converged', a.model.converged ? 'Yes' : 'No'],
      ['Iterations', a.model.iterations],
      ['Problem', a.model.problem],
      ['Collinear columns dropped', a.model.droppedColumns.join(', ')],
      ['Covariates dropped', a.model.droppedCovariates.join(', ')],
      ['Fitted probabilities at 0 or 1', a.model.separation.fittedAtBounds],
      ['Separation variables', a.model.separation.variables.join(', ')],
      ['Caliper (logit)', a.matching.caliper],
      ['Strata', a.matching.strata.join(', ')],
    ]);
  }
  const submitted = run.funnel.find((s) => s.step === 'submitted')?.remaining ?? 0;
  const share = (n: number) => (submitted > 0 ? n / submitted : null);
  addSheet(wb, taken, 'Funnel', [{ header: 'Analysis', width: 14 }, { header: 'Step', width: 26 }, { header: 'Dropped', width: 10, format: COUNT }, { header: 'Remaining', width: 10, format: COUNT }, { header: 'Dropped, % of submitted', width: 12, format: '0.0%' }], [
    ...run.funnel.map((s): Cell[] => ['(all)', s.step, s.dropped, s.remaining, share(s.dropped)]),
    ...run.analyses.flatMap((a): Cell[][] => [
      [a.name, 'outside_filter', a.treatment.outsideFilter, null, share(a.treatment.outsideFilter)],
      [a.name, 'not_matched', a.treatment.notMatched, a.treatment.n, share(a.treatment.notMatched)],
      [a.name, 'comparison_records', null, a.comparison.records, null],
    ]),
  ]);
  const o = run.profile.notAnalysed;
  addSheet(wb, taken, 'Profile', [{ header: 'Group', width: 26 }, { header: 'Characteristic', width: 22 }, { header: 'Category', width: 50 }, { header: 'Count', width: 10 }, { header: 'Share', width: 10, format: '0.0%' }], [
    ...profileRows('Treatment group', run.profile.treatment),
    ['Submitted, not analysed', 'Counts', 'Submitted but not in any analysis', o.submittedNotAnalysed, null],
    ['Submitted, not analysed', 'Counts', 'Without any record (no personal information)', o.withoutData, null],
    ['Submitted, not analysed', 'Counts', 'Rows repeating a person', o.duplicates, null],
    ...profileRows('Submitted, not analysed', o),
  ]);
  addSheet(wb, taken, 'Sensitivity', [
    { header: 'Analysis', width: 14 }, { header: 'Figure', width: 60 }, { header: 'Ratio (treatment / comparison)', width: 14, format: DECIMAL },
    { header: 'E-value of the estimate, or p / Gamma', width: 14, format: DECIMAL }, { header: 'Ratio of the CI bound nearest no difference', width: 14, format: DECIMAL }, { header: 'E-value of that bound', width: 14, format: DECIMAL },
  ], sensitivityRows(run));
  if (robustness) {
    const measureColumns = (name: string) => [
      { header: `${name}: difference`, width: 11, format: DECIMAL }, { header: `${name}: 95% CI low`, width: 11, format: DECIMAL }, { header: `${name}: 95% CI high`, width: 11, format: DECIMAL },
      { header: `${name}: p-value`, width: 10, format: DECIMAL }, { header: `${name}: significant`, width: 10 },
    ];
    addSheet(wb, taken, 'Robustness', [
      { header: 'Analysis', width: 14 }, { header: 'Covariate set', width: 26 }, { header: 'Matching', width: 44 }, { header: 'This analysis', width: 8 },
      { header: 'Treated matched', width: 10, format: COUNT }, { header: 'Treated not matched', width: 10, format: COUNT }, { header: 'Comparison records', width: 12, format: COUNT }, { header: 'Effective comparison size', width: 12, format: '#,##0.0' },
      { header: 'Passes the matching-quality gate', width: 10 }, { header: 'Poorly matched', width: 50 },
      ...measureColumns('Rate'), ...measureColumns('Frequency'), ...measureColumns('Days to first'),
    ], robustnessRows(robustness));
  }
  return wb;
}
