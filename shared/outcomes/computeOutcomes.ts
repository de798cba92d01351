// The `outcomes` object of results.json (CLI.md) for one analysis, from per-record outcomes, the
// matched treated and the comparison weights (METHOD.md sections 5-8).
import { COURT_OUTCOMES, type CourtOutcome, type RecordOutcomes } from '../cohort/recordOutcomes';
import { estimateMeasure, type EstimateSettings, type MeasureEstimate } from './estimateMeasure';
import { measureGate, type Gate, type MeasureKey } from './reportingGates';
import { groupWeights, weightedMoments, type GroupWeights } from './weightedMoments';

export type MeasureResult = MeasureEstimate & Gate;

export type ByCourtOutcome = Record<CourtOutcome, MeasureResult>;

export interface Outcomes {
  rate: MeasureResult;
  frequency: MeasureResult;
  daysToFirst: MeasureResult;
  courtOutcomeRate: ByCourtOutcome;
  courtOutcomeFrequency: ByCourtOutcome;
  custodialRate: MeasureResult;
  custodialFrequency: MeasureResult;
}

export interface OutcomeInput {
  /** Outcomes of the analysis rows (treated and pool), parallel to `treated` and `weights`. */
  outcomes: RecordOutcomes;
  /** 1 for a matched treated record (unmatched treated are 0). */
  treated: Uint8Array;
  /** Comparison weight; 0 = not in the comparison group. Ignored on treated rows. */
  weights: Float64Array;
}

interface Population {
  treatment: Uint8Array;
  comparison: Float64Array;
  /** The groups' weight totals, shared by every measure of the population. */
  treatmentWeights: GroupWeights;
  comparisonWeights: GroupWeights;
}

/** Treated rows get weight 1, comparison rows their matching weight, restricted to one population. */
function populationWeights(input: OutcomeInput, inPopulation: Uint8Array | null): Population {
  const n = input.treated.length;
  const treatment = new Uint8Array(n);
  const comparison = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (inPopulation !== null && inPopulation[i] === 0) continue;
    if (input.treated[i] === 1) treatment[i] = 1;
    else comparison[i] = input.weights[i];
  }
  return { treatment, comparison, treatmentWeights: groupWeights(treatment), comparisonWeights: groupWeights(comparison) };
}

function indicator(n: number, test: (i: number) => boolean): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = test(i) ? 1 : 0;
  return out;
}

export function computeOutcomes(input: OutcomeInput, settings: EstimateSettings): Outcomes {
  const o = input.outcomes;
  const n = input.treated.length;
  const everyone = populationWeights(input, null);
  // Reoffenders-only measures: the comparison reoffenders keep their weights. METHOD.md asks for them
  // renormalised; every estimate is invariant to rescaling the weights (see weightedMoments), so
  // renormalising would change nothing.
  const reoffenders = populationWeights(input, o.reoffended);
  let treatmentReoffenders = 0;
  for (let i = 0; i < n; i++) treatmentReoffenders += reoffenders.treatment[i];

  const measure = (key: MeasureKey, y: ArrayLike<number>, population: Population, court?: CourtOutcome): MeasureResult => {
    const estimate = estimateMeasure(
      weightedMoments(y, population.treatment, population.treatmentWeights),
      weightedMoments(y, population.comparison, population.comparisonWeights),
      settings,
    );
    // For the time to first reoffence n_T x y_T is a number of days, not of events: each treated
    // reoffender has exactly one first reoffence, so the event count is n_T.
    if (key === 'daysToFirst') estimate.events = estimate.nTreatment;
    return { ...estimate, ...measureGate(key, treatmentReoffenders, estimate.events, court) };
  };
  const byCourt = (key: MeasureKey, y: (k: number) => ArrayLike<number>): ByCourtOutcome => {
    const [indictable, eitherWay, summary] = COURT_OUTCOMES.map((court, k) => measure(key, y(k), reoffenders, court));
    return { indictable, either_way: eitherWay, summary };
  };

  return {
    rate: measure('rate', o.reoffended, everyone),
    frequency: measure('frequency', o.count, everyone),
    daysToFirst: measure('daysToFirst', o.daysToFirst, reoffenders),
    courtOutcomeRate: byCourt('courtOutcomeRate', (k) => indicator(n, (i) => o.firstCourtOutcome[i] === k)),
    courtOutcomeFrequency: byCourt('courtOutcomeFrequency', (k) => o.countByCourt[k]),
    custodialRate: measure('custodialRate', o.firstCustodial, reoffenders),
    custodialFrequency: measure('custodialFrequency', o.custodialCount, reoffenders),
  };
}
