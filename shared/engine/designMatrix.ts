// The score model's design matrix (METHOD.md section 2), stored by structure rather than as a dense n x p array:
// an intercept, dense numeric columns, and indicator blocks (one per categorical covariate and one per numeric
// covariate's missing indicator) that store, per row, its level (a row has at most one 1 per block). The blocks are
// combined into cell groups for weightedCrossProduct.ts.
//
// Column names: `(Intercept)`; a numeric covariate by its name (`prev_offences`, missing values filled with the
// pool mean); its missing indicator `prev_offences (missing)`; a categorical level `ethnicity=Black` (the
// reference level has no column; a missing categorical value is the level `ethnicity=(missing)`).
import type { CodedCovariate } from './covariateCoding';
import { MISSING_LEVEL } from './covariateCoding';
import { firstStep, type FirstStep } from './logisticRegression';

export const INTERCEPT = '(Intercept)';

/**
 * One categorical covariate (or one numeric covariate's missing indicator): each row is at one level, level 0 being
 * the one without a column (the reference level, or "not missing"), so a row has at most one 1 in the block.
 */
export interface IndicatorBlock {
  /** Level of each row, 0 .. columnOfLevel.length - 1. */
  codes: Int32Array;
  /** Design column of each level; columnOfLevel[0] = -1. */
  columnOfLevel: Int32Array;
}

/**
 * Consecutive indicator blocks whose levels are combined into one cell code per row (mixed radix, first block
 * slowest), so that the sums X'WX needs over a block's levels come from one scatter per row into per-cell sums.
 */
export interface CellGroup {
  /** Indices into Design.blocks. */
  blocks: number[];
  cells: number;
  /** Cell of each row. */
  cellOfRow: Int32Array;
  /** cellColumns[cell * blocks.length + k]: design column of the cell's level of block k, or -1. */
  cellColumns: Int32Array;
}

export interface Design {
  /** Rows. */
  n: number;
  /** Columns, the intercept (column 0) included. */
  p: number;
  names: string[];
  /** Dense numeric columns: values of design column denseColumns[b] are denseValues[b]. */
  denseColumns: Int32Array;
  denseValues: Float64Array[];
  blocks: IndicatorBlock[];
  /** The blocks partitioned into cell groups (at least one group, with one cell when there are no blocks). */
  groups: CellGroup[];
}

export interface DesignWithDrops {
  design: Design;
  /** Names of the columns dropped as collinear with earlier columns. */
  droppedColumns: string[];
  /** The score model's first step over this design, for fitLogistic; null when columns were dropped after it. */
  first: FirstStep | null;
}

/** Column name of a categorical level. */
export function levelColumnName(variable: string, level: string): string {
  return `${variable}=${level}`;
}

/** Column name of a numeric covariate's missing indicator. */
export function missingColumnName(variable: string): string {
  return `${variable} ${MISSING_LEVEL}`;
}

/**
 * Most cells in one group: the per-cell sums (cells x (dense columns + 2)) stay in the processor's cache. A block
 * with more levels than this forms a group of its own.
 */
export const MAX_CELLS_PER_GROUP = 4096;

function cellGroup(blocks: readonly IndicatorBlock[], members: number[], n: number): CellGroup {
  let cells = 1;
  for (const b of members) cells *= blocks[b].columnOfLevel.length;
  const cellOfRow = new Int32Array(n);
  for (const b of members) {
    const { codes, columnOfLevel } = blocks[b];
    const radix = columnOfLevel.length;
    for (let i = 0; i < n; i++) cellOfRow[i] = cellOfRow[i] * radix + codes[i];
  }
  const width = members.length;
  const cellColumns = new Int32Array(cells * width);
  for (let cell = 0; cell < cells; cell++) {
    let rest = cell;
    for (let k = width - 1; k >= 0; k--) {
      const levels = blocks[members[k]].columnOfLevel;
      cellColumns[cell * width + k] = levels[rest % levels.length];
      rest = Math.floor(rest / levels.length);
    }
  }
  return { blocks: members, cells, cellOfRow, cellColumns };
}

/** Consecutive blocks grouped while the product of their level counts stays within MAX_CELLS_PER_GROUP. */
function cellGroups(blocks: readonly IndicatorBlock[], n: number): CellGroup[] {
  const groups: number[][] = [[]];
  let cells = 1;
  blocks.forEach((block, b) => {
    const levels = block.columnOfLevel.length;
    const current = groups[groups.length - 1];
    if (current.length > 0 && cells * levels > MAX_CELLS_PER_GROUP) {
      groups.push([b]);
      cells = levels;
    } else {
      current.push(b);
      cells *= levels;
    }
  });
  return groups.map((members) => cellGroup(blocks, members, n));
}

function design(n: number, names: string[], denseColumns: number[], denseValues: Float64Array[], blocks: IndicatorBlock[]): Design {
  return { n, p: names.length, names, denseColumns: Int32Array.from(denseColumns), denseValues, blocks, groups: cellGroups(blocks, n) };
}

/** A column left out of a design before it was built, and the position it would have had. */
interface OmittedColumn {
  name: string;
  /** Index, among the design's columns, of the column it would have come before (p when last). */
  at: number;
}

/**
 * The full design (no collinearity check): intercept, then each covariate in order, levels in their coded order.
 * The missing indicators of covariates in `omitIndicator` (indices into coded) are left out and listed in `omitted`.
 */
export function fullDesign(coded: readonly CodedCovariate[], n: number, omitIndicator: ReadonlySet<number> = new Set()): Design & { omitted: OmittedColumn[] } {
  const names = [INTERCEPT];
  const denseColumns: number[] = [];
  const denseValues: Float64Array[] = [];
  const blocks: IndicatorBlock[] = [];
  const omitted: OmittedColumn[] = [];
  coded.forEach((c, k) => {
    if (c.kind === 'numeric') {
      denseColumns.push(names.length);
      denseValues.push(c.values);
      names.push(c.variable);
      if (c.missing && omitIndicator.has(k)) omitted.push({ name: missingColumnName(c.variable), at: names.length });
      else if (c.missing) {
        blocks.push({ codes: Int32Array.from(c.missing), columnOfLevel: Int32Array.of(-1, names.length) });
        names.push(missingColumnName(c.variable));
      }
    } else if (c.levels.length > 1) {
      // Block level 0 is the reference; the other levels follow in their coded order.
      const blockLevel = new Int32Array(c.levels.length);
      const columnOfLevel = [-1];
      c.levels.forEach((level, l) => {
        if (l === c.reference) return;
        blockLevel[l] = columnOfLevel.length;
        columnOfLevel.push(names.length);
        names.push(levelColumnName(c.variable, level));
      });
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) codes[i] = blockLevel[c.codes[i]];
      blocks.push({ codes, columnOfLevel: Int32Array.from(columnOfLevel) });
    }
  });
  return { ...design(n, names, denseColumns, denseValues, blocks), omitted };
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Numeric covariates whose values are missing on exactly the rows of an earlier one's (OASys items, all missing
 * where there is no assessment): their missing indicators copy the earlier indicator, so the collinearity check
 * would drop them; left out before the design is built, they cost no cross-product.
 */
function repeatedMissingIndicators(coded: readonly CodedCovariate[]): Set<number> {
  const repeated = new Set<number>();
  const firsts: Uint8Array[] = [];
  coded.forEach((c, k) => {
    if (c.kind !== 'numeric' || !c.missing) return;
    const missing = c.missing;
    if (firsts.some((m) => sameMask(m, missing))) repeated.add(k);
    else firsts.push(missing);
  });
  return repeated;
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
  for (const { codes, columnOfLevel } of design.blocks) {
    for (let i = 0; i < design.n; i++) if (columnOfLevel[codes[i]] === j) out[i] = 1;
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

function withoutColumns(full: Design, dropped: boolean[]): Design {
  const newIndex = new Int32Array(full.p);
  const names: string[] = [];
  for (let j = 0; j < full.p; j++) {
    newIndex[j] = dropped[j] ? -1 : names.length;
    if (!dropped[j]) names.push(full.names[j]);
  }
  const denseColumns: number[] = [];
  const denseValues: Float64Array[] = [];
  full.denseColumns.forEach((col, b) => {
    if (dropped[col]) return;
    denseColumns.push(newIndex[col]);
    denseValues.push(full.denseValues[b]);
  });
  // A level whose column is dropped joins level 0 (no column); a block left without columns goes.
  const blocks: IndicatorBlock[] = [];
  for (const block of full.blocks) {
    const blockLevel = new Int32Array(block.columnOfLevel.length);
    const columnOfLevel = [-1];
    block.columnOfLevel.forEach((col, level) => {
      if (col < 0 || dropped[col]) return;
      blockLevel[level] = columnOfLevel.length;
      columnOfLevel.push(newIndex[col]);
    });
    if (columnOfLevel.length === 1) continue;
    const codes = new Int32Array(full.n);
    for (let i = 0; i < full.n; i++) codes[i] = blockLevel[block.codes[i]];
    blocks.push({ codes, columnOfLevel: Int32Array.from(columnOfLevel) });
  }
  return design(full.n, names, denseColumns, denseValues, blocks);
}

/**
 * The design of METHOD.md section 2 with collinear columns dropped (the later of dependent columns goes), named in
 * design order. Copies of an earlier missing indicator are left out before the check, which would drop them.
 * Decision: the check runs on the score model's first weighted cross-product X'W0X (W0 from R's start
 * mu = (y + 0.5) / 2, 3/16 for every row up to rounding) rather than on X'X: with positive weights both have the
 * null space of X, R's glm.fit also judges rank on its weighted design, and when nothing is dropped the fit takes
 * that step over instead of gathering it again.
 */
export function buildDesign(coded: readonly CodedCovariate[], y: Uint8Array): DesignWithDrops {
  const { omitted, ...full } = fullDesign(coded, y.length, repeatedMissingIndicators(coded));
  const first = firstStep(full, y);
  const dropped = collinearColumns(first.xtwx, full.p);
  const droppedColumns: string[] = [];
  for (let j = 0, o = 0; j <= full.p; j++) {
    for (; o < omitted.length && omitted[o].at === j; o++) droppedColumns.push(omitted[o].name);
    if (j < full.p && dropped[j]) droppedColumns.push(full.names[j]);
  }
  if (dropped.includes(true)) return { design: withoutColumns(full, dropped), droppedColumns, first: null };
  return { design: full, droppedColumns, first };
}
