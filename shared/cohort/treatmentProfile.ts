// Profile of a group of records (METHOD.md section 10): sex, ethnicity group, UK nationality,
// age at index, index sentence band and each OASys risk/need item, as in the reference report's
// "Profile of the treatment group". Exact percentages add up to 100 within a breakdown; the
// rounded whole numbers may not, and `roundingNote` says so.

import { numberAt, type TableColumn } from '../engine/column';

export interface ProfileShare {
  /** Stable key (e.g. `male`, `custody_lt_6m`, `unknown`). */
  key: string;
  /** Wording as the reference report prints it. */
  label: string;
  count: number;
  /** 100 x count / total, unrounded. */
  percent: number;
  /** percent rounded half up to a whole number. */
  roundedPercent: number;
}

export interface ProfileBreakdown {
  total: number;
  shares: ProfileShare[];
  /** True when the rounded percentages do not add up to 100 (the report then prints a rounding note). */
  roundingNote: boolean;
}

export interface RiskNeedShare {
  /** Column name, e.g. `oasys_employment`. */
  item: string;
  /** Records of the group with this item assessed (not blank). */
  assessed: number;
  /** Of those, with some (1) or significant (2) problems. */
  withProblems: number;
  /** 100 x withProblems / assessed; NaN when nobody was assessed. */
  percent: number;
}

export interface GroupProfile {
  n: number;
  sex: ProfileBreakdown;
  /** White against Black, Asian, other and unknown; null without an ethnicity column. */
  ethnicity: ProfileBreakdown | null;
  /** null without a uk_national column. */
  ukNational: ProfileBreakdown | null;
  /** Age at index date in whole years; null for an empty group or a person-level-only profile. */
  age: { min: number; max: number; mean: number } | null;
  /** Index sentence bands; null without an index_disposal column or for a person-level-only profile. */
  sentence: ProfileBreakdown | null;
  /** null without oasys_* columns or for a person-level-only profile. */
  riskNeeds: {
    /** Records with at least one item assessed, and their share of the group. */
    assessed: number;
    assessedPercent: number;
    items: RiskNeedShare[];
  } | null;
}

export interface ProfileInputs {
  /** Per cohort record, 1 = man. */
  male: Uint8Array;
  ageAtIndex: Int16Array;
  /** The cohort's optional columns as the engine holds them; used by name (ethnicity, uk_national, index_disposal, oasys_*). */
  columns: readonly TableColumn[];
}

const SENTENCE_BANDS: [string, string][] = [
  ['non_custodial', 'Non-custodial sentence'],
  ['custody_lt_6m', 'Custodial sentence up to 6 months'],
  ['custody_6_12m', 'Custodial sentence 6 - 12 months'],
  ['custody_1_4y', 'Custodial sentence 1 - 4 years'],
  ['custody_4y_plus', 'Custodial sentence 4 years or more'],
];

/** The value of a record as text ('' when missing), whether the column is numeric or categorical. */
function textOf(column: TableColumn, i: number): string {
  if (column.kind === 'categorical') return column.codes[i] < 0 ? '' : column.levels[column.codes[i]];
  const v = numberAt(column.values, i);
  return Number.isNaN(v) ? '' : String(v);
}

function breakdown(counts: [key: string, label: string, count: number][], total: number): ProfileBreakdown {
  const shares = counts.map(([key, label, count]) => {
    const percent = total === 0 ? 0 : (100 * count) / total;
    return { key, label, count, percent, roundedPercent: Math.round(percent) };
  });
  const roundedSum = shares.reduce((s, x) => s + x.roundedPercent, 0);
  return { total, shares, roundingNote: total > 0 && roundedSum !== 100 };
}

/** Counts of each key over the group, keyed by `keyOf` of the record. */
function tally(records: ArrayLike<number>, keyOf: (i: number) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let k = 0; k < records.length; k++) {
    const key = keyOf(records[k]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function treatmentProfile(
  inputs: ProfileInputs,
  records: ArrayLike<number>,
  options: { personLevelOnly?: boolean } = {},
): GroupProfile {
  const n = records.length;
  const column = (name: string) => inputs.columns.find((c) => c.name === name);
  const full = !options.personLevelOnly;

  const men = tally(records, (i) => (inputs.male[i] ? 'male' : 'female'));
  const sex = breakdown([['male', 'Male', men.get('male') ?? 0], ['female', 'Female', men.get('female') ?? 0]], n);

  const ethnicityColumn = column('ethnicity');
  let ethnicity: ProfileBreakdown | null = null;
  if (ethnicityColumn) {
    // Unknown and blank go with the minority groups, as the reference report groups them.
    const white = tally(records, (i) => (textOf(ethnicityColumn, i) === 'White' ? 'white' : 'other')).get('white') ?? 0;
    ethnicity = breakdown([['white', 'White', white], ['other', 'Black, Asian, other and unknown', n - white]], n);
  }

  const ukColumn = column('uk_national');
  let ukNational: ProfileBreakdown | null = null;
  if (ukColumn) {
    const t = tally(records, (i) => ({ '1': 'uk', '0': 'non_uk' })[textOf(ukColumn, i)] ?? 'unknown');
    const rows: [string, string, number][] = [['uk', 'UK nationals', t.get('uk') ?? 0], ['non_uk', 'Non-UK nationals', t.get('non_uk') ?? 0]];
    if (t.has('unknown')) rows.push(['unknown', 'Nationality unknown', t.get('unknown')!]);
    ukNational = breakdown(rows, n);
  }

  let age: GroupProfile['age'] = null;
  if (full && n > 0) {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const a = inputs.ageAtIndex[records[k]];
      min = Math.min(min, a);
      max = Math.max(max, a);
      sum += a;
    }
    age = { min, max, mean: sum / n };
  }

  const disposalColumn = column('index_disposal');
  let sentence: ProfileBreakdown | null = null;
  if (full && disposalColumn) {
    const t = tally(records, (i) => textOf(disposalColumn, i));
    const rows: [string, string, number][] = SENTENCE_BANDS.map(([key, label]) => [key, label, t.get(key) ?? 0]);
    const known = rows.reduce((s, r) => s + r[2], 0);
    if (known < n) rows.push(['unknown', 'Sentence unknown', n - known]);
    sentence = breakdown(rows, n);
  }

  const oasys = inputs.columns.filter((c) => c.name.startsWith('oasys_'));
  let riskNeeds: GroupProfile['riskNeeds'] = null;
  if (full && oasys.length > 0) {
    let anyAssessed = 0;
    const assessed = new Int32Array(oasys.length);
    const problems = new Int32Array(oasys.length);
    for (let k = 0; k < n; k++) {
      let any = false;
      oasys.forEach((c, q) => {
        const v = textOf(c, records[k]);
        if (v === '') return;
        any = true;
        assessed[q]++;
        if (v === '1' || v === '2') problems[q]++;
      });
      if (any) anyAssessed++;
    }
    riskNeeds = {
      assessed: anyAssessed,
      assessedPercent: n === 0 ? 0 : (100 * anyAssessed) / n,
      items: oasys.map((c, q) => ({
        item: c.name, assessed: assessed[q], withProblems: problems[q],
        percent: assessed[q] === 0 ? NaN : (100 * problems[q]) / assessed[q],
      })),
    };
  }
  return { n, sex, ethnicity, ukNational, age, sentence, riskNeeds };
}
