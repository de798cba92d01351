// A RunResults for report tests, rebuilt from the reference report's own published figures (Southwark IOM,
// shared/reference/jdl-report-southwark-iom.txt): group sizes, funnel, profile percentages and Tables 1-7 (means,
// and CI widths where a variance is not published, as shared/outcomes/referenceReport.test.ts derives them).
// MADE UP, not in the reference: the balance rows, the score histograms, the model coefficients, the effective
// sizes and pool sizes, the comparison rates of the hidden indictable rows, and Table 6 (whose published units
// contradict each other: read here as 30% against 40%).
import { specSchema } from '../engine/analysisSpec';
import type { BalanceRow } from '../engine/balance';
import type { ScoreHistogram } from '../engine/scoreHistogram';
import type { GroupProfile, ProfileBreakdown } from '../cohort/treatmentProfile';
import type { MeasureResult, Outcomes } from '../outcomes/computeOutcomes';
import { estimateMeasure } from '../outcomes/estimateMeasure';
import { measureGate, type MeasureKey } from '../outcomes/reportingGates';
import type { CourtOutcome } from '../cohort/recordOutcomes';
import type { AnalysisCore, AnalysisResults, RunResults } from '../results/runResults';
import { completeRun } from '../results/completeRun';
import { analysisSensitivity } from '../sensitivity/analysisSensitivity';

export const FIXTURE_ORGANISATION = "Southwark's IOM programme";

const SETTINGS = { alpha: 0.05, power: 0.95 };
const TREATED_REOFFENDERS = 44;

interface Group { n: number; mean: number; variance: number }
/** A rate from its event count: variance p(1 - p) n / (n - 1). */
const rate = (k: number, n: number): Group => ({ n, mean: k / n, variance: (k / n) * (1 - k / n) * (n / (n - 1)) });
const rateOver = (p: number, n: number): Group => ({ n, mean: p, variance: p * (1 - p) * (n / (n - 1)) });

/** As computeOutcomes builds a measure: the estimate, then the reporting gate (44 treated reoffenders). */
function measure(key: MeasureKey, t: Group, c: Group, court?: CourtOutcome): MeasureResult {
  const e = estimateMeasure(t, { ...c, records: c.n }, SETTINGS);
  if (key === 'daysToFirst') e.events = e.nTreatment;
  return { ...e, ...measureGate(key, TREATED_REOFFENDERS, e.events, court) };
}

interface Published {
  comparison: number;
  /** Comparison records of reoffenders (Table 3) and of reoffenders with a court outcome (Tables 4-7). */
  reoffenders3: number;
  reoffenders47: number;
  frequencyMean: number;
  daysMean: number;
  courtRate: [number, number, number];
  courtFrequency: [number, number, number];
  custodialRate: number;
  custodialFrequency: number;
}

function outcomes(p: Published): Outcomes {
  const n47 = p.reoffenders47;
  // Variances from the published CI widths (see referenceReport.test.ts); summary frequency: half-width 0.45.
  return {
    rate: measure('rate', rate(44, 71), rateOver(p.comparison === 286869 ? 0.565 : 0.58055, p.comparison)),
    frequency: measure('frequency', { n: 71, mean: 134 / 71, variance: 5.901377 }, { n: p.comparison, mean: p.frequencyMean, variance: 5.901377 }),
    daysToFirst: measure('daysToFirst', { n: 44, mean: 108.35, variance: 9414.938 }, { n: p.reoffenders3, mean: p.daysMean, variance: 9414.938 }),
    courtOutcomeRate: {
      indictable: measure('courtOutcomeRate', rate(1, 44), rateOver(p.courtRate[0], n47), 'indictable'),
      either_way: measure('courtOutcomeRate', rate(28, 44), rateOver(p.courtRate[1], n47), 'either_way'),
      summary: measure('courtOutcomeRate', rate(15, 44), rateOver(p.courtRate[2], n47), 'summary'),
    },
    courtOutcomeFrequency: {
      indictable: measure('courtOutcomeFrequency', { n: 44, mean: 2 / 44, variance: 0.0455 }, { n: n47, mean: p.courtFrequency[0], variance: 0.06 }, 'indictable'),
      either_way: measure('courtOutcomeFrequency', { n: 44, mean: 83 / 44, variance: 3.272644 }, { n: n47, mean: p.courtFrequency[1], variance: 3.272644 }, 'either_way'),
      summary: measure('courtOutcomeFrequency', { n: 44, mean: 48 / 44, variance: 2.1909 }, { n: n47, mean: p.courtFrequency[2], variance: 2.1909 }, 'summary'),
    },
    custodialRate: measure('custodialRate', rate(13, 44), rateOver(p.custodialRate, n47)),
    custodialFrequency: measure('custodialFrequency', { n: 44, mean: 1.159, variance: 3.539692 }, { n: n47, mean: p.custodialFrequency, variance: 3.539692 }),
  };
}

type BalanceInput = [variable: string, level: string | null, allTreated: number, pool: number, treated: number, comparison: number, before: number, after: number];

function balance(rows: BalanceInput[]): BalanceRow[] {
  return rows.map(([variable, level, allTreatedMean, poolMean, treatedMean, comparisonMean, smdBefore, smdAfter]) => ({
    variable, level, allTreatedMean, poolMean, treatedMean, comparisonMean, smdBefore, smdAfter,
    band: Math.abs(smdAfter) < 5 ? 'well' : Math.abs(smdAfter) < 10 ? 'reasonably' : 'poorly',
    varianceRatio: level === null && variable !== 'uk_national' ? 1.08 : null,
  }));
}

const NATIONAL_BALANCE = balance([
  ['age_at_index', null, 35.9, 33.2, 35.8, 35.5, 27.4, 2.6],
  ['ethnicity', 'Asian', 0.042, 0.081, 0.042, 0.047, -16.2, -2.1],
  ['ethnicity', 'Black', 0.169, 0.094, 0.169, 0.161, 22.5, 2.2],
  ['ethnicity', 'White', 0.732, 0.781, 0.732, 0.739, -11.5, -1.6],
  ['ethnicity', 'Other & <unknown>', 0.057, 0.044, 0.057, 0.053, 5.9, 1.8],
  ['uk_national', null, 0.81, 0.89, 0.81, 0.8, -22.4, 2.8],
  ['index_offence', 'Burglary', 0.211, 0.072, 0.211, 0.203, 41.3, 2.4],
  ['index_offence', 'Robbery', 0.113, 0.021, 0.113, 0.108, 37.1, 2],
  ['index_offence', 'Theft', 0.352, 0.248, 0.352, 0.339, 22.8, 2.8],
  ['index_offence', 'Violence_against_the_person', 0.155, 0.231, 0.155, 0.188, -19.4, -8.4],
  ['index_offence', 'Other', 0.169, 0.428, 0.169, 0.162, -58.9, 1.6],
  ['index_disposal', 'non_custodial', 0.239, 0.512, 0.239, 0.246, -58.6, -1.5],
  ['index_disposal', 'custody_lt_6m', 0.479, 0.301, 0.479, 0.471, 37.2, 1.7],
  ['index_disposal', 'custody_6_12m', 0.225, 0.121, 0.225, 0.219, 27.5, 1.6],
  ['index_disposal', 'custody_1_4y', 0.056, 0.066, 0.056, 0.064, -4.1, -3.3],
  ['prev_offences', null, 38.2, 14.6, 37.9, 36.8, 118.4, 5.6],
  ['prev_custodial', null, 9.8, 2.9, 9.7, 9.2, 96.1, 4.9],
  ['oasys_employment', null, 1.42, 1.01, 1.41, 1.38, 50.2, 3.7],
  ['oasys_employment', '(missing)', 0.099, 0.382, 0.1, 0.108, -69.8, -2.7],
  ['score', null, -4.91, -7.62, -4.95, -4.98, 231.5, 2.5],
]);

const REGIONAL_BALANCE = balance([
  ['age_at_index', null, 35.9, 33.9, 35.8, 35.1, 20.8, 6.9],
  ['ethnicity', 'Asian', 0.042, 0.121, 0.042, 0.056, -29.1, -4.6],
  ['ethnicity', 'Black', 0.169, 0.251, 0.169, 0.183, -20.3, -3.4],
  ['ethnicity', 'White', 0.732, 0.562, 0.732, 0.718, 36.2, 3],
  ['ethnicity', 'Other & <unknown>', 0.057, 0.066, 0.057, 0.043, -3.7, 6.2],
  ['index_disposal', 'non_custodial', 0.239, 0.468, 0.239, 0.254, -49.2, -3.2],
  ['index_disposal', 'custody_lt_6m', 0.479, 0.33, 0.479, 0.465, 30.7, 2.9],
  ['index_disposal', 'custody_6_12m', 0.225, 0.14, 0.225, 0.225, 22, 0],
  ['index_disposal', 'custody_1_4y', 0.056, 0.062, 0.056, 0.056, -2.5, 0],
  ['prev_offences', null, 38.2, 16.1, 37.9, 36.2, 104.9, 8.1],
  ['score', null, -3.12, -5.4, -3.14, -3.17, 188.4, 1.9],
]);

/** Bell-shaped counts over the bins: total x share of N(centre, spread) in each bin, rounded. */
function bell(edges: number[], total: number, centre: number, spread: number): number[] {
  const density = edges.slice(0, -1).map((e, b) => Math.exp(-(((e + edges[b + 1]) / 2 - centre) ** 2) / (2 * spread * spread)));
  const sum = density.reduce((a, b) => a + b, 0);
  return density.map((d) => Math.round((total * d) / sum));
}

function histogram(low: number, high: number, treated: number, pool: number, treatedCentre: number, poolCentre: number): ScoreHistogram {
  const bins = 40;
  const edges = Array.from({ length: bins + 1 }, (_, b) => low + ((high - low) * b) / bins);
  const treatedCount = bell(edges, treated, treatedCentre, 0.9);
  const poolCount = bell(edges, pool, poolCentre, 1.1);
  const comparisonWeight = bell(edges, treated * 1000, treatedCentre + 0.05, 0.95).map((w) => w / 1000);
  const share = (v: number[]) => { const t = v.reduce((a, b) => a + b, 0); return v.map((x) => x / t); };
  return { edges, treatedCount, poolCount, comparisonWeight, treatedShare: share(treatedCount), poolShare: share(poolCount), comparisonShare: share(comparisonWeight) };
}

function breakdown(total: number, rows: [key: string, label: string, count: number][]): ProfileBreakdown {
  const shares = rows.map(([key, label, count]) => ({ key, label, count, percent: (100 * count) / total, roundedPercent: Math.round((100 * count) / total) }));
  return { total, shares, roundingNote: shares.reduce((s, x) => s + x.roundedPercent, 0) !== 100 };
}

const TREATMENT_PROFILE: GroupProfile = {
  n: 72,
  sex: breakdown(72, [['male', 'Male', 62], ['female', 'Female', 10]]),
  ethnicity: breakdown(72, [['white', 'White', 53], ['other', 'Black, Asian, other and unknown', 19]]),
  ukNational: breakdown(72, [['uk', 'UK nationals', 58], ['non_uk', 'Non-UK nationals', 14]]),
  age: { min: 18, max: 55, mean: 36.2 },
  sentence: breakdown(72, [
    ['non_custodial', 'Non-custodial sentence', 17],
    ['custody_lt_6m', 'Custodial sentence up to 6 months', 35],
    ['custody_6_12m', 'Custodial sentence 6 - 12 months', 16],
    ['custody_1_4y', 'Custodial sentence 1 - 4 years', 4],
    ['custody_4y_plus', 'Custodial sentence 4 years or more', 0],
  ]),
  riskNeeds: {
    assessed: 65,
    assessedPercent: (100 * 65) / 72,
    items: [
      { item: 'oasys_accommodation', assessed: 64, withProblems: 10, percent: (100 * 10) / 64 },
      { item: 'oasys_employment', assessed: 64, withProblems: 44, percent: (100 * 44) / 64 },
      { item: 'oasys_finance', assessed: 64, withProblems: 38, percent: (100 * 38) / 64 },
      { item: 'oasys_drugs', assessed: 64, withProblems: 33, percent: (100 * 33) / 64 },
    ],
  },
};

const NOT_ANALYSED_PROFILE: RunResults['profile']['notAnalysed'] = {
  n: 16,
  sex: breakdown(16, [['male', 'Male', 15], ['female', 'Female', 1]]),
  ethnicity: breakdown(16, [['white', 'White', 10], ['other', 'Black, Asian, other and unknown', 6]]),
  ukNational: breakdown(16, [['uk', 'UK nationals', 15], ['non_uk', 'Non-UK nationals', 1]]),
  age: null,
  sentence: null,
  riskNeeds: null,
  submittedNotAnalysed: 32,
  withoutData: 16,
  duplicates: 0,
};

function analysis(name: string, spec: RunResults['spec']['analyses'][number], sizes: { comparison: number; reoffenders: number; effective: number; pool: number }, published: Published, rows: BalanceRow[], hist: ScoreHistogram, matching: AnalysisResults['matching']): AnalysisCore {
  return {
    name,
    spec,
    sex: null,
    treatment: { n: 71, reoffenders: 44, notMatched: 1, outsideFilter: 0 },
    comparison: { records: sizes.comparison, reoffenders: sizes.reoffenders, effectiveSize: sizes.effective, poolRecords: sizes.pool },
    model: {
      converged: true,
      iterations: 8,
      droppedColumns: [],
      droppedCovariates: [],
      separation: { fittedAtBounds: 0, variables: [] },
      problem: null,
      coefficients: [
        { name: '(Intercept)', estimate: -9.12, standardError: 0.61, z: -14.95 },
        { name: 'age_at_index', estimate: 0.021, standardError: 0.011, z: 1.91 },
        { name: 'prev_offences', estimate: 0.034, standardError: 0.006, z: 5.67 },
      ],
    },
    matching,
    balance: rows,
    histogram: hist,
    outcomes: outcomes(published),
    // E-values from the published figures; the report gives no matched pairs, so no Rosenbaum bounds.
    sensitivity: analysisSensitivity({ outcomes: outcomes(published), matching: spec.matching, pairs: null, reoffended: [], alpha: 0.05 }),
  };
}

/** The Southwark IOM run; `organisation` replaces the programme's name (e.g. to test escaping). */
export function southwarkRun(organisation = FIXTURE_ORGANISATION): RunResults {
  const spec = specSchema.parse({
    organisation,
    // The reference report's own words (shortened), as the organisation supplied them.
    programme: {
      description:
        'Southwark IOM is a multi-agency integrated offender management team whose aim is to provide intensive intervention for those offenders who cause the most crime in the borough.\n\nThe service tasking is led by an MPS Police Sergeant.',
      response: 'The Southwark IOM is pleased to note the service has had a significant impact in reducing the number of more serious proven re-offences that are triable "either way".',
      profileNote: "Southwark's IOM programme is mainly carried out in Southwark, London.",
      contact: 'Justice Data Lab Team\nMinistry of Justice\n102 Petty France, London SW1H 9AJ',
    },
    headline: 'National',
    analyses: [
      { name: 'National', pool: {}, exact: ['sex'], covariates: ['age_at_index', 'ethnicity', 'uk_national', 'index_offence', 'index_disposal', 'prev_offences', 'prev_custodial', 'oasys_*'], matching: { method: 'radius', caliper: 0.2, caliperUnit: 'sd' } },
      { name: 'Regional', pool: { region: 'sameAsTreatment' }, exact: ['sex'], covariates: ['age_at_index', 'ethnicity', 'index_disposal', 'prev_offences'], matching: { method: 'nearest', ratio: 1, replace: false, caliper: 0.2, caliperUnit: 'sd' } },
    ],
  });
  return completeRun({
    runId: '2017-07-14T09-30-00-national-regional',
    createdAt: '2017-07-14T09:30:00.000Z',
    engineVersion: '1.0.0',
    spec,
    cohortSettings: { extractDate: '2017-06-30', followUpDays: 365, waitingDays: 183, windowBeforeDays: 365, windowAfterDays: 90, minimumAge: 18 },
    funnel: [
      { step: 'submitted', dropped: 0, remaining: 103 },
      { step: 'duplicate', dropped: 0, remaining: 103 },
      { step: 'not_identified', dropped: 0, remaining: 103 },
      { step: 'no_record', dropped: 14, remaining: 89 },
      { step: 'incomplete_follow_up', dropped: 0, remaining: 89 },
      { step: 'under_18', dropped: 2, remaining: 87 },
      { step: 'reoffended_before_start', dropped: 15, remaining: 72 },
    ],
    profile: { treatment: TREATMENT_PROFILE, notAnalysed: NOT_ANALYSED_PROFILE },
    analyses: [
      analysis('National', spec.analyses[0], { comparison: 286869, reoffenders: 137012, effective: 40213.5, pool: 301577 }, {
        comparison: 286869, reoffenders3: 137012, reoffenders47: 136309, frequencyMean: 2.41, daysMean: 107.05,
        courtRate: [0.024, 0.768, 0.2084], courtFrequency: [0.06, 3.236, 0.914], custodialRate: 0.4, custodialFrequency: 2.223,
      }, NATIONAL_BALANCE, histogram(-9.5, -1.5, 71, 301577, -4.95, -7.6), { method: 'radius', caliper: 0.312, strata: ['F', 'M'] }),
      analysis('Regional', spec.analyses[1], { comparison: 44961, reoffenders: 23460, effective: 9876.4, pool: 47530 }, {
        comparison: 44961, reoffenders3: 23460, reoffenders47: 23329, frequencyMean: 2.317683, daysMean: 112.4,
        courtRate: [0.0233, 0.7427, 0.234], courtFrequency: [0.07, 2.9, 1.0], custodialRate: 0.39, custodialFrequency: 1.967,
      }, REGIONAL_BALANCE, histogram(-7.5, -0.5, 71, 47530, -3.1, -5.4), { method: 'nearest', caliper: 0.284, strata: ['F, London', 'M, London'] }),
    ],
  });
}
