// METHOD.md section 2 coding of the covariates of one analysis, shared by the design matrix (which leaves out
// reference levels) and the balance table (which shows every level).
import { compareByteOrder } from './byteOrder';
import type { Column } from './column';

/** Level given to a missing categorical value, and the level of a numeric covariate's missing-indicator row. */
export const MISSING_LEVEL = '(missing)';

export interface CodedCategorical {
  kind: 'categorical';
  variable: string;
  /** Levels present in the analysis rows, in byte order with `(missing)` last. */
  levels: string[];
  /** Index into levels for every row (never -1: missing is a level). */
  codes: Int32Array;
  /** Index of the reference level: the most frequent, ties to the byte-order-first name. */
  reference: number;
}

export interface CodedNumeric {
  kind: 'numeric';
  variable: string;
  /** Values with missing entries replaced by fillValue. */
  values: Float64Array;
  /** 1 where the value was missing; null when no value is missing. */
  missing: Uint8Array | null;
  /** Mean of the observed pool values (of all observed values if the pool has none). */
  fillValue: number;
  /** Every value is 0 or 1 (and none missing): its variance is p(1 - p) in the balance table. */
  binary: boolean;
}

export type CodedCovariate = CodedCategorical | CodedNumeric;

function codeCategorical(column: Extract<Column, { kind: 'categorical' }>): CodedCategorical {
  const n = column.codes.length;
  const source = column.codes;
  // Count by source level; slot levels.length holds missing.
  const counts = new Float64Array(column.levels.length + 1);
  for (let i = 0; i < n; i++) counts[source[i] < 0 ? column.levels.length : source[i]]++;
  const present: { name: string; source: number; count: number }[] = [];
  column.levels.forEach((name, k) => {
    if (counts[k] > 0) present.push({ name, source: k, count: counts[k] });
  });
  present.sort((a, b) => compareByteOrder(a.name, b.name));
  if (counts[column.levels.length] > 0) present.push({ name: MISSING_LEVEL, source: -1, count: counts[column.levels.length] });

  const remap = new Int32Array(column.levels.length + 1);
  present.forEach((level, k) => {
    remap[level.source < 0 ? column.levels.length : level.source] = k;
  });
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = remap[source[i] < 0 ? column.levels.length : source[i]];

  // Most frequent level; scanning in byte order with a strict > keeps the byte-order-first one on ties.
  // ((missing) is last, so it is the reference only when strictly most frequent.)
  let reference = 0;
  present.forEach((level, k) => {
    if (level.count > present[reference].count) reference = k;
  });
  return { kind: 'categorical', variable: column.name, levels: present.map((l) => l.name), codes, reference };
}

/** Sums and counts of the present values over all rows and over the pool's (treated 0), the missing count, and whether every present value is 0 or 1. */
function presentSums(raw: Float64Array, treated: Uint8Array): { poolSum: number; poolCount: number; allSum: number; allCount: number; missingCount: number; binary: boolean } {
  let poolSum = 0, poolCount = 0, allSum = 0, allCount = 0, missingCount = 0;
  let binary = true;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (Number.isNaN(v)) {
      missingCount++;
      continue;
    }
    allSum += v;
    allCount++;
    if (treated[i] === 0) {
      poolSum += v;
      poolCount++;
    }
    if (v !== 0 && v !== 1) binary = false;
  }
  return { poolSum, poolCount, allSum, allCount, missingCount, binary };
}

/** The values with each missing one replaced by fillValue, and the missing indicator (a pass of its own, as in balance.ts). */
function filled(raw: Float64Array, fillValue: number): { values: Float64Array; missing: Uint8Array } {
  const n = raw.length;
  const values = new Float64Array(n);
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    if (Number.isNaN(v)) {
      values[i] = fillValue;
      missing[i] = 1;
    } else values[i] = v;
  }
  return { values, missing };
}

function codeNumeric(column: Extract<Column, { kind: 'numeric' }>, treated: Uint8Array): CodedNumeric {
  const raw = column.values;
  const { poolSum, poolCount, allSum, allCount, missingCount, binary } = presentSums(raw, treated);
  // Decision (spec silent): when no pool record has the value, fill with the mean over the treated records.
  const fillValue = poolCount > 0 ? poolSum / poolCount : allCount > 0 ? allSum / allCount : 0;
  if (missingCount === 0) return { kind: 'numeric', variable: column.name, values: raw, missing: null, fillValue, binary };
  return { kind: 'numeric', variable: column.name, ...filled(raw, fillValue), fillValue, binary: false };
}

/** Codes each covariate over the analysis rows; `treated` (1 = treated, 0 = pool) decides the pool mean used to fill. */
export function codeCovariates(columns: readonly Column[], treated: Uint8Array): CodedCovariate[] {
  return columns.map((c) => (c.kind === 'categorical' ? codeCategorical(c) : codeNumeric(c, treated)));
}
