// Number formatting shared by the UI, the report and the CLI (METHOD.md section 8): rates and their
// CIs in whole % points, frequencies 2 dp in tables, per-100 figures and days whole, p 2 dp.

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

/** A p-value: 2 dp, "<0.01" below 0.01, "n/a" when there is none. */
export function formatP(p: number | null): string {
  if (p === null) return 'n/a';
  return p < 0.01 ? '<0.01' : formatFixed(p, 2);
}

/** "Yes" / "No" for the significance column. */
export function formatSignificant(significant: boolean): string {
  return significant ? 'Yes' : 'No';
}

/** Scale and decimals of a measure in tables: rates in % points, frequencies 2 dp, days whole. */
const TABLE_SCALE: Record<MeasureUnit, { scale: number; dp: number }> = {
  rate: { scale: 100, dp: 0 },
  frequency: { scale: 1, dp: 2 },
  days: { scale: 1, dp: 0 },
};

/** A group's mean in a table cell ("62", "1.89", "108"); "n/a" when missing. */
export function formatMean(x: number | null, unit: MeasureUnit): string {
  if (x === null) return 'n/a';
  if (unit === 'rate') return formatRate(x);
  return formatFixed(x, TABLE_SCALE[unit].dp);
}

/** A difference or bound in a table cell, signed ("+5", "-0.52"). */
export function formatDifference(x: number | null, unit: MeasureUnit): string {
  if (x === null) return 'n/a';
  const { scale, dp } = TABLE_SCALE[unit];
  return formatSigned(x * scale, dp);
}

/** A confidence interval of a difference in a table cell ("-6 to +17"); "n/a" when there is none. */
export function formatCi(low: number | null, high: number | null, unit: MeasureUnit): string {
  if (low === null || high === null) return 'n/a';
  return `${formatDifference(low, unit)} to ${formatDifference(high, unit)}`;
}

export const ROUNDING_NOTE = 'Figures are rounded, so a difference may not equal the difference of the rounded figures shown.';

/**
 * True when rounding makes the shown figures disagree: round(a) - round(b) != round(a - b), all at the
 * same scale and decimals. Then the rounding note is printed.
 */
export function roundingDisagrees(a: number, b: number, scale: number, dp: number): boolean {
  return roundTo(roundTo(a * scale, dp) - roundTo(b * scale, dp), dp) !== roundTo((a - b) * scale, dp);
}
