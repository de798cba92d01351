// The `outcomes` object of results.json (CLI.md) for one analysis, from per-record outcomes, the
// matched treated and the comparison weights (METHOD.md sections 5-8).
import { COURT_OUTCOMES, type CourtOutcome, type RecordOutcomes } from '../cohort/recordOutcomes';
import { estimateMeasure, type EstimateSettings, type MeasureEstimate } from './estimateMeasure';
import { measureGate, type Gate, type MeasureKey } from './reportingGates';
import { groupMoments, rowsWithWeights, unitWeights, type WeightedRows } from './weightedMoments';

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

/** Treated rows get weight 1, comparison rows their matching weight, restricted to one population. */
function populationWeights(input: OutcomeInput, inPopulation: Uint8Array | null): { treatment: WeightedRows; comparison: WeightedRows } {
  const { treated, weights } = input;
  const n = treated.length;
  const treatmentRows = new Int32Array(n);
  const comparisonRows = new Int32Array(n);
  let nT = 0, nC = 0;
  for (let i = 0; i < n; i++) {
    if (inPopulation !== null && inPopulation[i] === 0) continue;
    if (treated[i] === 1) treatmentRows[nT++] = i;
    else if (weights[i] > 0) comparisonRows[nC++] = i;
  }
  return {
    treatment: unitWeights(treatmentRows.subarray(0, nT)),
    comparison: rowsWithWeights(comparisonRows.subarray(0, nC), weights),
  };
}

function indicator(n: number, test: (i: number) => boolean): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = test(i) ? 1 : 0;
  return out;
}

type MeasureOf = (key: MeasureKey, y: ArrayLike<number>, population: 'everyone' | 'reoffenders', court?: CourtOutcome) => MeasureResult;

/** One measure at a time over the two populations of METHOD.md section 5. */
function measureOf(input: OutcomeInput, settings: EstimateSettings): MeasureOf {
  const everyone = populationWeights(input, null);
  // Reoffenders-only measures: the comparison reoffenders keep their weights. METHOD.md asks for them
  // renormalised; every estimate is invariant to rescaling the weights (see weightedMoments), so
  // renormalising would change nothing.
  const reoffenders = populationWeights(input, input.outcomes.reoffended);
  const treatmentReoffenders = reoffenders.treatment.rows.length;
  return (key, y, which, court) => {
    const population = which === 'everyone' ? everyone : reoffenders;
    const estimate = estimateMeasure(groupMoments(y, population.treatment), groupMoments(y, population.comparison), settings);
    // For the time to first reoffence n_T x y_T is a number of days, not of events: each treated
    // reoffender has exactly one first reoffence, so the event count is n_T.
    if (key === 'daysToFirst') estimate.events = estimate.nTreatment;
    return { ...estimate, ...measureGate(key, treatmentReoffenders, estimate.events, court) };
  };
}

export type HeadlineOutcomes = Pick<Outcomes, 'rate' | 'frequency' | 'daysToFirst'>;

function headline(measure: MeasureOf, o: RecordOutcomes): HeadlineOutcomes {
  return {
    rate: measure('rate', o.reoffended, 'everyone'),
    frequency: measure('frequency', o.count, 'everyone'),
    daysToFirst: measure('daysToFirst', o.daysToFirst, 'reoffenders'),
  };
}

/** The three headline measures only (the robustness grid's), computed exactly as computeOutcomes computes them. */
export function computeHeadlineOutcomes(input: OutcomeInput, settings: EstimateSettings): HeadlineOutcomes {
  return headline(measureOf(input, settings), input.outcomes);
}

export function computeOutcomes(input: OutcomeInput, settings: EstimateSettings): Outcomes {
  const o = input.outcomes;
  const n = input.treated.length;
  const measure = measureOf(input, settings);
  const byCourt = (key: MeasureKey, y: (k: number) => ArrayLike<number>): ByCourtOutcome => {
    const [indictable, eitherWay, summary] = COURT_OUTCOMES.map((court, k) => measure(key, y(k), 'reoffenders', court));
    return { indictable, either_way: eitherWay, summary };
  };

  return {
    ...headline(measure, o),
    courtOutcomeRate: byCourt('courtOutcomeRate', (k) => indicator(n, (i) => o.firstCourtOutcome[i] === k)),
    courtOutcomeFrequency: byCourt('courtOutcomeFrequency', (k) => o.countByCourt[k]),
    custodialRate: measure('custodialRate', o.firstCustodial, 'reoffenders'),
    custodialFrequency: measure('custodialFrequency', o.custodialCount, 'reoffenders'),
  };
}
