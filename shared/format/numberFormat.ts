// Number formatting shared by the UI, the report and the CLI (METHOD.md section 8), as the reference report's
// Tables 1-7: each group's rate (%), frequency and time to 1 dp (62.0, 1.9, 108.4); the difference of the rate
// (% points) and of the time (days) whole (-6 to +17), of frequencies and of Tables 4-7 to 1 dp; p 2 dp, 3 dp
// below 0.01, "<0.001" below 0.001. A rounded figure never contradicts its test: a bound that is not 0 never
// prints as 0, and a p-value never rounds onto (or across) alpha; each gets more decimals until it shows.
import type { MeasureKey } from '../outcomes/reportingGates';

/** Natural unit of a measure: a proportion shown as %, a count per person, or days. */
export type MeasureUnit = 'rate' | 'frequency' | 'days';

/**
 * Rounds half away from zero at `dp` decimals. toPrecision(15) first removes binary noise, so a
 * decimal half such as 0.565 x 100 = 56.49999999999999 rounds as written (to 57).
 */
export function roundTo(x: number, dp: number): number {
  const scale = 10 ** dp;
  const r = (Math.sign(x) * Math.round(Number((Math.abs(x) * scale).toPrecision(15)))) / scale;
  return r === 0 ? 0 : r; // no -0
}

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fixed decimals with thousands separators; "-0" and "-0.00" come out unsigned. */
export function formatFixed(x: number, dp: number): string {
  const r = roundTo(x, dp);
  const [whole, fraction] = Math.abs(r).toFixed(dp).split('.');
  return `${r < 0 ? '-' : ''}${withThousands(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A count: whole, with thousands separators ("286,869"). */
export function formatCount(x: number): string {
  return formatFixed(x, 0);
}

/** As formatFixed, with "+" before a positive value; a value that rounds to 0 has no sign. */
export function formatSigned(x: number, dp: number): string {
  return roundTo(x, dp) > 0 ? `+${formatFixed(x, dp)}` : formatFixed(x, dp);
}

/** A proportion in whole % points without the sign ("62"); "<1" when it is not 0 but rounds to 0. */
export function formatRate(proportion: number): string {
  if (proportion > 0 && roundTo(proportion * 100, 0) === 0) return '<1';
  return formatFixed(proportion * 100, 0);
}

/** A proportion as a percentage ("62%", "<1%"). */
export function formatPercent(proportion: number): string {
  return `${formatRate(proportion)}%`;
}

/** A per-person figure as a whole number per 100 people ("189"). */
export function formatPer100(perPerson: number): string {
  return formatCount(perPerson * 100);
}

/** At most this many decimals are added to keep a figure from contradicting its test. */
const MAX_DP = 10;

/** The decimals, from `dp` up, at which a non-zero x no longer rounds to 0 (its sign shows). */
export function signShowingDecimals(x: number, dp: number): number {
  let d = dp;
  while (x !== 0 && roundTo(x, d) === 0 && d < MAX_DP) d++;
  return d;
}

/**
 * A p-value: 2 dp, 3 dp below 0.01, "<0.001" below 0.001, "n/a" when there is none. More decimals while the
 * rounded p would sit on the other side of alpha, or on alpha when p is not (0.048 with alpha 0.05, not "0.05").
 */
export function formatP(p: number | null, alpha: number): string {
  if (p === null) return 'n/a';
  if (p < 0.001) return '<0.001';
  const side = (x: number) => (x < alpha - 1e-12 ? -1 : x > alpha + 1e-12 ? 1 : 0);
  let dp = p < 0.01 ? 3 : 2;
  while (dp < MAX_DP && side(roundTo(p, dp)) !== side(p)) dp++;
  return formatFixed(p, dp);
}

/** "Yes" / "No" for the significance column. */
export function formatSignificant(significant: boolean): string {
  return significant ? 'Yes' : 'No';
}

const SCALE: Record<MeasureUnit, number> = { rate: 100, frequency: 1, days: 1 };

/** Each group's figure in Tables 1-7: 1 dp whatever the measure (62.0, 1.9, 108.4). */
const MEAN_DP = 1;

/** The unit of each measure of Tables 1-7. */
export const MEASURE_UNIT: Record<MeasureKey, MeasureUnit> = {
  rate: 'rate', frequency: 'frequency', daysToFirst: 'days',
  courtOutcomeRate: 'rate', courtOutcomeFrequency: 'frequency', custodialRate: 'rate', custodialFrequency: 'frequency',
};

/** Decimals of a difference: the rate (% points) and time (days) of Tables 1 and 3 whole, the rest 1 dp. */
export const DIFFERENCE_DP: Record<MeasureKey, number> = {
  rate: 0, frequency: 1, daysToFirst: 0,
  courtOutcomeRate: 1, courtOutcomeFrequency: 1, custodialRate: 1, custodialFrequency: 1,
};

/** A group's mean in a table cell ("62.0", "1.9", "108.4"): a rate in % points; "n/a" when missing. */
export function formatMean(x: number | null, unit: MeasureUnit): string {
  if (x === null) return 'n/a';
  return formatFixed(x * SCALE[unit], MEAN_DP);
}

/** A difference or CI bound in a table cell, signed ("+5", "-0.5"), with the decimals that show its sign. */
export function formatDifference(x: number | null, measure: MeasureKey): string {
  if (x === null) return 'n/a';
  const scaled = x * SCALE[MEASURE_UNIT[measure]];
  return formatSigned(scaled, signShowingDecimals(scaled, DIFFERENCE_DP[measure]));
}

/** A confidence interval of a difference ("-6 to +17", "+0.3 to +73"); "n/a" when there is none. */
export function formatCi(low: number | null, high: number | null, measure: MeasureKey): string {
  if (low === null || high === null) return 'n/a';
  return `${formatDifference(low, measure)} to ${formatDifference(high, measure)}`;
}

export const ROUNDING_NOTE = 'Figures are rounded, so a difference may not equal the difference of the rounded figures shown.';

/**
 * True when rounding makes the shown figures disagree: round(a) - round(b) != round(a - b), all at the
 * same scale and decimals. Then the rounding note is printed.
 */
export function roundingDisagrees(a: number, b: number, scale: number, dp: number): boolean {
  return roundTo(roundTo(a * scale, dp) - roundTo(b * scale, dp), dp) !== roundTo((a - b) * scale, dp);
}
