// Columns of an analysis dataset, as the engine sees them: typed arrays, one entry per record.

/** A numeric covariate; NaN marks a missing value. */
export interface NumericColumn {
  kind: 'numeric';
  name: string;
  values: Float64Array;
}

/** A categorical covariate: codes index into levels; -1 marks a missing value. */
export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  codes: Int32Array;
  levels: string[];
}

export type Column = NumericColumn | CategoricalColumn;

/** The blank of whole numbers kept in one or two bytes: the type's smallest value (db/columnStore compactNumbers). */
export const INT8_BLANK = -128;
export const INT16_BLANK = -32768;

/** Small whole numbers as the column store keeps them (counts, flags, OASys items): int8 or int16, INT8_BLANK or INT16_BLANK a blank. */
export type CompactNumbers = Int8Array | Int16Array;

/**
 * A numeric column of the cohort table: doubles (NaN a blank), or the column store's compact numbers as they were
 * read. An analysis widens its own rows only (prepareAnalysis): widening every column as the store is read took
 * 0.39 s of a 1M-record analysis's read, which its second thread waits for, and 8 bytes a row per column.
 */
export interface TableNumericColumn {
  kind: 'numeric';
  name: string;
  values: Float64Array | CompactNumbers;
}

export type TableColumn = TableNumericColumn | CategoricalColumn;

/** values[i], NaN for a blank. */
export function numberAt(values: Float64Array | CompactNumbers, i: number): number {
  const v = values[i];
  if (values instanceof Float64Array) return v;
  return v === (values instanceof Int8Array ? INT8_BLANK : INT16_BLANK) ? NaN : v;
}

/** values[rows[k]] for each k (every value when rows is null) as doubles, NaN for a blank. */
export function widenNumbers(values: Float64Array | CompactNumbers, rows: Int32Array | null = null): Float64Array {
  const n = rows === null ? values.length : rows.length;
  const out = new Float64Array(n);
  // One loop per kind of array, so that each reads one type of element.
  if (values instanceof Float64Array) {
    if (rows === null) out.set(values);
    else for (let k = 0; k < n; k++) out[k] = values[rows[k]];
    return out;
  }
  const blank = values instanceof Int8Array ? INT8_BLANK : INT16_BLANK;
  for (let k = 0; k < n; k++) {
    const v = values[rows === null ? k : rows[k]];
    out[k] = v === blank ? NaN : v;
  }
  return out;
}
