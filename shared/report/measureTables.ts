// The seven outcome tables of the report (reference report, Tables 1-7): titles, column headings and units, shared
// by the HTML report and the Excel annex.
import { COURT_OUTCOMES, type CourtOutcome } from '../cohort/recordOutcomes';
import type { MeasureUnit } from '../format/numberFormat';
import type { MeasureResult, Outcomes } from '../outcomes/computeOutcomes';
import type { MeasureKey } from '../outcomes/reportingGates';

export interface MeasureTable {
  number: number;
  key: MeasureKey;
  unit: MeasureUnit;
  /** One row per court outcome (Tables 4 and 5). */
  byCourt: boolean;
  title: (organisation: string) => string;
  /** The heading spanning the measure's columns. */
  heading: string;
  /** Treatment, comparison and difference column headings. */
  columns: [string, string, string];
  /** Reoffenders only (the "Number in ..." columns count reoffenders). */
  reoffendersOnly: boolean;
}

const RATE_COLUMNS: [string, string, string] = ['Treatment group rate (%)', 'Comparison group rate (%)', 'Estimated difference (% points)'];
const FREQUENCY_COLUMNS: [string, string, string] = ['Treatment group frequency', 'Comparison group frequency', 'Estimated difference'];

export const MEASURE_TABLES: MeasureTable[] = [
  {
    number: 1, key: 'rate', unit: 'rate', byCourt: false, reoffendersOnly: false,
    title: (org) => `Proportion of people who committed a proven reoffence in a one-year period after support from ${org}, compared with matched comparison groups`,
    heading: 'One-year proven reoffending rate',
    columns: RATE_COLUMNS,
  },
  {
    number: 2, key: 'frequency', unit: 'frequency', byCourt: false, reoffendersOnly: false,
    title: (org) => `Number of proven reoffences committed in a one-year period by people after support from ${org}, compared with matched comparison groups`,
    heading: 'One-year proven reoffending frequency (offences per person)',
    columns: FREQUENCY_COLUMNS,
  },
  {
    number: 3, key: 'daysToFirst', unit: 'days', byCourt: false, reoffendersOnly: true,
    title: (org) => `Average time to first proven reoffence in a one-year period for people who received support from ${org} and who committed a proven reoffence, compared with matched comparison groups`,
    heading: 'Average time to first proven reoffence within a one-year period, for reoffenders only (days)',
    columns: ['Treatment group time', 'Comparison group time', 'Estimated difference'],
  },
  {
    number: 4, key: 'courtOutcomeRate', unit: 'rate', byCourt: true, reoffendersOnly: true,
    title: (org) => `Proportion of those supported by ${org} whose first proven reoffence received each court outcome, compared with similar non-participants (reoffenders only)`,
    heading: 'One-year proven reoffending rate by court outcome of first reoffence, for reoffenders only',
    columns: RATE_COLUMNS,
  },
  {
    number: 5, key: 'courtOutcomeFrequency', unit: 'frequency', byCourt: true, reoffendersOnly: true,
    title: (org) => `Number of proven reoffences that received each court outcome after being committed by those supported by ${org} in a one-year period, compared with similar non-participants (reoffenders only)`,
    heading: 'One-year proven reoffending frequency by court outcome, for reoffenders only (offences per person)',
    columns: FREQUENCY_COLUMNS,
  },
  {
    // The reference's heading says "rate" and "sentences per person" at once; this measure is a rate (METHOD.md 5).
    number: 6, key: 'custodialRate', unit: 'rate', byCourt: false, reoffendersOnly: true,
    title: (org) => `Proportion of those who received support from ${org} who received a custodial sentence for their first proven reoffence, compared with similar non-participants (reoffenders only)`,
    heading: 'One-year rate of custodial sentencing for the first reoffence, for reoffenders only',
    columns: RATE_COLUMNS,
  },
  {
    number: 7, key: 'custodialFrequency', unit: 'frequency', byCourt: false, reoffendersOnly: true,
    title: (org) => `Number of custodial sentences received in a one-year period by those supported by ${org}, compared to similar non-participants (reoffenders only)`,
    heading: 'One-year frequency of custodial sentencing, for reoffenders only (sentences per person)',
    columns: FREQUENCY_COLUMNS,
  },
];

export const COURT_LABELS: Record<CourtOutcome, string> = { indictable: 'Indictable', either_way: 'Either way', summary: 'Summary' };

export interface TableRow {
  court: CourtOutcome | null;
  measure: MeasureResult;
}

/** The measure rows of one table for one analysis: one row, or one per court outcome (most serious first). */
export function tableRows(table: MeasureTable, outcomes: Outcomes): TableRow[] {
  const value = outcomes[table.key];
  if (table.byCourt) {
    const byCourt = value as Outcomes['courtOutcomeRate'];
    return COURT_OUTCOMES.map((court) => ({ court, measure: byCourt[court] }));
  }
  return [{ court: null, measure: value as MeasureResult }];
}
