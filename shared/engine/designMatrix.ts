// The score model's design matrix (METHOD.md section 2), stored by blocks so that a row has at most one non-zero
// entry per covariate: an intercept, dense numeric columns, and indicator blocks (one per categorical covariate
// and one per numeric covariate's missing indicator) that store, per row, the design column holding its 1.
//
// Column names: `(Intercept)`; a numeric covariate by its name (`prev_offences`, missing values filled with the
// pool mean); its missing indicator `prev_offences (missing)`; a categorical level `ethnicity=Black` (the
// reference level has no column; a missing categorical value is the level `ethnicity=(missing)`).
import type { CodedCovariate } from './covariateCoding';
import { MISSING_LEVEL } from './covariateCoding';

export const INTERCEPT = '(Intercept)';

export interface Design {
  /** Rows. */
  n: number;
  /** Columns, the intercept (column 0) included. */
  p: number;
  names: string[];
  /** Dense numeric columns: values of design column denseColumns[b] are denseValues[b]. */
  denseColumns: Int32Array;
  denseValues: Float64Array[];
  /** Indicator blocks: indicators[b][i] is the design column where row i has a 1, or -1 for none. */
  indicators: Int32Array[];
}

export interface DesignWithDrops {
  design: Design;
  /** Names of the columns dropped as collinear with earlier columns. */
  droppedColumns: string[];
}

/** Column name of a categorical level. */
export function levelColumnName(variable: string, level: string): string {
  return `${variable}=${level}`;
}

/** Column name of a numeric covariate's missing indicator. */
export function missingColumnName(variable: string): string {
  return `${variable} ${MISSING_LEVEL}`;
}

function indicatorBlock(n: number, columnOfRow: (i: number) => number): Int32Array {
  const block = new Int32Array(n);
  for (let i = 0; i < n; i++) block[i] = columnOfRow(i);
  return block;
}

/** The full design (no collinearity check): intercept, then each covariate in order, levels in their coded order. */
export function fullDesign(coded: readonly CodedCovariate[], n: number): Design {
  const names = [INTERCEPT];
  const denseColumns: number[] = [];
  const denseValues: Float64Array[] = [];
  const indicators: Int32Array[] = [];
  for (const c of coded) {
    if (c.kind === 'numeric') {
      denseColumns.push(names.length);
      denseValues.push(c.values);
      names.push(c.variable);
      if (c.missing) {
        const col = names.length;
        const missing = c.missing;
        names.push(missingColumnName(c.variable));
        indicators.push(indicatorBlock(n, (i) => (missing[i] ? col : -1)));
      }
    } else {
      const columnOfLevel = new Int32Array(c.levels.length).fill(-1);
      c.levels.forEach((level, k) => {
        if (k === c.reference) return;
        columnOfLevel[k] = names.length;
        names.push(levelColumnName(c.variable, level));
      });
      const codes = c.codes;
      if (c.levels.length > 1) indicators.push(indicatorBlock(n, (i) => columnOfLevel[codes[i]]));
    }
  }
  return { n, p: names.length, names, denseColumns: Int32Array.from(denseColumns), denseValues, indicators };
}

/**
 * Accumulates X'WX (full symmetric p x p, row-major) and X'Wz into the given arrays (overwritten).
 * Each row contributes w_i x_i x_i' over its few non-zero entries only, which is what makes 300k x 40 cheap.
 * `z` may be null when only X'WX is wanted.
 */
export function weightedCrossProduct(design: Design, w: Float64Array, z: Float64Array | null, xtwx: Float64Array, xtwz: Float64Array): void {
  const { n, p, denseColumns, denseValues, indicators } = design;
  const nDense = denseValues.length;
  const nBlocks = indicators.length;
  const idx = new Int32Array(1 + nDense + nBlocks);
  const val = new Float64Array(1 + nDense + nBlocks);
  // Accumulated into one triangle or the other depending on entry order; folded afterwards.
  const acc = new Float64Array(p * p);
  xtwz.fill(0);
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    let k = 1;
    idx[0] = 0;
    val[0] = 1;
    for (let b = 0; b < nDense; b++) {
      const v = denseValues[b][i];
      if (v !== 0) {
        idx[k] = denseColumns[b];
        val[k] = v;
        k++;
      }
    }
    for (let b = 0; b < nBlocks; b++) {
      const c = indicators[b][i];
      if (c >= 0) {
        idx[k] = c;
        val[k] = 1;
        k++;
      }
    }
    const wz = z === null ? 0 : wi * z[i];
    for (let a = 0; a < k; a++) {
      const wa = wi * val[a];
      const row = idx[a] * p;
      xtwz[idx[a]] += val[a] * wz;
      for (let b = 0; b <= a; b++) acc[row + idx[b]] += wa * val[b];
    }
  }
  for (let r = 0; r < p; r++) {
    xtwx[r * p + r] = acc[r * p + r];
    for (let c = 0; c < r; c++) {
      const s = acc[r * p + c] + acc[c * p + r];
      xtwx[r * p + c] = s;
      xtwx[c * p + r] = s;
    }
  }
}

/** eta = X beta. */
export function linearPredictor(design: Design, beta: Float64Array, eta: Float64Array): void {
  const { n, denseColumns, denseValues, indicators } = design;
  eta.fill(beta[0]);
  for (let b = 0; b < denseValues.length; b++) {
    const coef = beta[denseColumns[b]];
    const values = denseValues[b];
    for (let i = 0; i < n; i++) eta[i] += coef * values[i];
  }
  for (const block of indicators) {
    for (let i = 0; i < n; i++) {
      const c = block[i];
      if (c >= 0) eta[i] += beta[c];
    }
  }
}

/** Column j as a dense array (for tests and exports, not for the hot path). */
export function designColumn(design: Design, j: number): Float64Array {
  const out = new Float64Array(design.n);
  if (j === 0) return out.fill(1);
  const dense = design.denseColumns.indexOf(j);
  if (dense >= 0) {
    out.set(design.denseValues[dense]);
    return out;
  }
  for (const block of design.indicators) {
    for (let i = 0; i < design.n; i++) if (block[i] === j) out[i] = 1;
  }
  return out;
}

/**
 * Relative tolerance on the squared residual norm of a column after projection on the earlier kept columns.
 * R's QR drops a column when its residual norm falls below 1e-7 of its norm; working on the cross-product squares
 * norms and the condition number, so 1e-10 here (a norm ratio of 1e-5) keeps clear of the cross-product's rounding
 * while catching every exact dependency (indicators summing to another, a numeric copy or sum of others).
 */
export const COLLINEARITY_TOLERANCE = 1e-10;

/**
 * Columns of a cross-product matrix that are linear combinations of earlier columns: sequential Cholesky,
 * a column is dropped when its pivot is below tolerance x its diagonal (Gram-Schmidt in the X'X metric).
 */
export function collinearColumns(xtx: Float64Array, p: number, tolerance = COLLINEARITY_TOLERANCE): boolean[] {
  const dropped: boolean[] = new Array(p).fill(false);
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    const ajj = xtx[j * p + j];
    // Row j of L over the kept columns k < j.
    for (let k = 0; k < j; k++) {
      if (dropped[k]) continue;
      let s = xtx[j * p + k];
      for (let m = 0; m < k; m++) if (!dropped[m]) s -= l[j * p + m] * l[k * p + m];
      l[j * p + k] = s / l[k * p + k];
    }
    let d = ajj;
    for (let k = 0; k < j; k++) if (!dropped[k]) d -= l[j * p + k] * l[j * p + k];
    if (!(ajj > 0) || d <= tolerance * ajj) {
      dropped[j] = true;
      for (let k = 0; k < j; k++) l[j * p + k] = 0;
    } else l[j * p + j] = Math.sqrt(d);
  }
  return dropped;
}

function withoutColumns(design: Design, dropped: boolean[]): Design {
  const newIndex = new Int32Array(design.p);
  const names: string[] = [];
  for (let j = 0; j < design.p; j++) {
    newIndex[j] = dropped[j] ? -1 : names.length;
    if (!dropped[j]) names.push(design.names[j]);
  }
  const denseColumns: number[] = [];
  const denseValues: Float64Array[] = [];
  design.denseColumns.forEach((col, b) => {
    if (dropped[col]) return;
    denseColumns.push(newIndex[col]);
    denseValues.push(design.denseValues[b]);
  });
  const indicators: Int32Array[] = [];
  for (const block of design.indicators) {
    const remapped = new Int32Array(design.n);
    let any = false;
    for (let i = 0; i < design.n; i++) {
      const c = block[i] >= 0 ? newIndex[block[i]] : -1;
      remapped[i] = c;
      if (c >= 0) any = true;
    }
    if (any) indicators.push(remapped);
  }
  return { n: design.n, p: names.length, names, denseColumns: Int32Array.from(denseColumns), denseValues, indicators };
}

/** The design of METHOD.md section 2 with collinear columns dropped (the later of dependent columns goes). */
export function buildDesign(coded: readonly CodedCovariate[], n: number): DesignWithDrops {
  const full = fullDesign(coded, n);
  const xtx = new Float64Array(full.p * full.p);
  weightedCrossProduct(full, new Float64Array(n).fill(1), null, xtx, new Float64Array(full.p));
  const dropped = collinearColumns(xtx, full.p);
  const droppedColumns = full.names.filter((_, j) => dropped[j]);
  return { design: droppedColumns.length === 0 ? full : withoutColumns(full, dropped), droppedColumns };
}
