// The matching-quality summary sentence (METHOD.md section 4): "most variables were well matched"
// plus the variables that were reasonably or poorly matched, in plain words.

export type Band = 'well' | 'reasonably' | 'poorly';

export interface BalanceBand {
  variable: string;
  /** Level of a categorical covariate, "(missing)" for a missing indicator; absent for a numeric one. */
  level?: string | null;
  smdAfter: number;
  band: Band;
}

const DISPOSALS: Record<string, string> = {
  non_custodial: 'a non-custodial index sentence',
  custody_lt_6m: 'an index custodial sentence of under 6 months',
  custody_6_12m: 'an index custodial sentence of 6 to 12 months',
  custody_1_4y: 'an index custodial sentence of 1 to 4 years',
  custody_4y_plus: 'an index custodial sentence of 4 years or more',
};

const spaced = (s: string): string => s.replace(/_/g, ' ');

/** Plain words for one balance row, e.g. "an index offence of violence against the person". */
export function describeBalanceRow(variable: string, level?: string | null): string {
  if (variable === 'score') return 'the propensity score';
  if (level === '(missing)') return `missing ${describeBalanceRow(variable)}`;
  if (variable === 'age_at_index') return 'age at the index date';
  if (variable === 'uk_national') return level === '0' ? 'non-UK nationality' : 'UK nationality';
  if (variable === 'ethnicity' && level) return `${level} ethnicity`;
  if (variable === 'index_offence' && level) return `an index offence of ${spaced(level).toLowerCase()}`;
  if (variable === 'index_disposal' && level) return DISPOSALS[level] ?? `an index sentence of ${spaced(level)}`;
  if (variable === 'prev_offences') return 'the number of previous offences';
  if (variable === 'prev_custodial') return 'the number of previous custodial sentences';
  if (variable.startsWith('prev_')) return `previous ${spaced(variable.slice(5))}`;
  if (variable.startsWith('oasys_')) {
    const item = `${spaced(variable.slice(6))} (OASys)`;
    return level ? `${item}: ${spaced(level)}` : item;
  }
  return level ? `${spaced(variable)}: ${spaced(level)}` : spaced(variable);
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * "In the national analysis, most variables were well matched. The groups were reasonably well matched
 * on A and B. The groups were poorly matched on C." Rows are counted one per balance row (a level of a
 * categorical covariate counts as one); "all" when every row is well matched, "most" when more than
 * half are, then "half of the variables" or "fewer than half of the variables".
 */
export function matchingSummary(analysisName: string, rows: BalanceBand[]): string {
  const named = (band: Band): string[] => rows.filter((r) => r.band === band).map((r) => describeBalanceRow(r.variable, r.level));
  const well = rows.length - named('reasonably').length - named('poorly').length;
  const share =
    well === rows.length
      ? 'all variables were'
      : well * 2 > rows.length
        ? 'most variables were'
        : well * 2 === rows.length
          ? 'half of the variables were'
          : 'fewer than half of the variables were';
  const parts = [`In the ${analysisName.toLowerCase()} analysis, ${share} well matched.`];
  if (named('reasonably').length > 0) parts.push(`The groups were reasonably well matched on ${listOf(named('reasonably'))}.`);
  if (named('poorly').length > 0) parts.push(`The groups were poorly matched on ${listOf(named('poorly'))}.`);
  return parts.join(' ');
}

/** The summary sentence of an analysis's balance table, as the app and the report print it. */
export function analysisMatchingSummary(a: { name: string; balance: readonly { variable: string; level: string | null; smdAfter: number | null; band: Band }[] }): string {
  return matchingSummary(a.name, a.balance.map((r) => ({ variable: r.variable, level: r.level, smdAfter: r.smdAfter ?? Number.NaN, band: r.band })));
}
