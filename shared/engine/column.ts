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
