// X'WX and X'Wz of the score model's design (X'WX_jk = sum_i w_i x_ij x_ik, X'Wz_j = sum_i w_i z_i x_ij), and
// eta = X beta, computed from the design's structure rather than entry by entry:
// - dense x dense (and dense x z): dot products of w x_a (and w z) with x_b over chunks of rows that stay in cache,
//   by the WebAssembly kernels of crossProductKernels.ts on copies of the dense columns, w and z in their memory;
// - everything involving the intercept or an indicator column: a level's rows are a union of cells of its group,
//   so one scatter per row of (w, w x_a, w z) into per-cell sums gives the intercept, the level diagonals (sum of
//   w), the level x dense terms and the level x level terms of blocks in the same group (levels of one block are
//   mutually exclusive, their cross terms are zero);
// - levels of blocks in different groups: per cell of the earlier group, sums of w by level of each block of the
//   later groups (the cell fixes the earlier group's levels, so one add per row and later block).
// Rows are added chunk by chunk in their given order, so the result depends on that order only. The linear
// predictor's dense terms are added by the kernels too (scaledAdd), to eta in their memory, each exactly as
// eta[i] += beta_a x_a[i] is in JavaScript.
import type { Design } from './designMatrix';
import { crossProductKernels, type CrossProductKernels } from './crossProductKernels';

/** Rows per chunk: the chunk's w x_a (dense columns + 1 rows of CHUNK doubles) and slices of the columns stay in cache. */
export const CHUNK = 1024;

/** For one group: sums of w by (cell, level of a block of a later group). */
interface LaterLevels {
  /** The later groups' blocks. */
  blocks: number[];
  /** Slot of level 0 of each of those blocks in a cell's row. */
  offsets: Int32Array;
  /** Slots per cell: the levels of all those blocks. */
  width: number;
  sums: Float64Array;
}

/** Running sums of weightedCrossProduct for one design, allocated once per fit. */
export interface CrossProductWorkspace {
  kernels: CrossProductKernels;
  /** Left-hand rows for the current chunk: w x_a at offset a * CHUNK (a < m), w z at offset m * CHUNK. */
  weighted: Float64Array;
  /** pairSums[a * m + b]: sum of w x_a x_b for b <= a < m; pairSums[m * m + b]: sum of w z x_b. */
  pairSums: Float64Array;
  /**
   * The weights and working responses the kernels read (n values, then a 0 that evens an odd n's last chunk): the
   * fit writes them here (logisticRegression.ts firstStep), other callers' arrays are copied in.
   */
  w: Float64Array;
  z: Float64Array;
  /** The linear predictor X beta (n values, then room for an odd n's last chunk), written by linearPredictorChunk. */
  eta: Float64Array;
  /** The dense columns' coefficients, set by setCoefficients for the kernels. */
  coefficients: Float64Array;
  /** Byte offsets in the kernels' memory of weighted, pairSums, each dense column's copy, w, z, eta and the dense columns' coefficients. */
  at: { weighted: number; pairSums: number; columns: number[]; w: number; z: number; eta: number; coefficients: number };
  /** Per group, per cell: sum of w, sums of w x_a (m of them), sum of w z. */
  cellSums: Float64Array[];
  /** Per group. */
  later: LaterLevels[];
  /** Per group, per cell: sum of the coefficients of the cell's levels (for eta). */
  cellOffsets: Float64Array[];
}

export function crossProductWorkspace(design: Design): CrossProductWorkspace {
  const m = design.denseValues.length;
  const n = design.n;
  // In doubles, each array starting on 16 bytes: the chunk's left-hand rows, the pair sums, the columns, w, z.
  const even = (k: number) => k + (k & 1);
  const rows = even(n + 1);
  let next = 0;
  const place = (doubles: number) => {
    const at = 8 * next;
    next += even(doubles);
    return at;
  };
  const at = {
    weighted: place((m + 1) * CHUNK),
    pairSums: place((m + 1) * m),
    columns: design.denseValues.map(() => place(rows)),
    w: place(rows),
    z: place(rows),
    eta: place(rows),
    coefficients: place(m),
  };
  const kernels = crossProductKernels(8 * next);
  const view = (byteOffset: number, length: number) => new Float64Array(kernels.memory.buffer, byteOffset, length);
  design.denseValues.forEach((values, a) => view(at.columns[a], n).set(values));
  const later = design.groups.map((group, g): LaterLevels => {
    const blocks = design.groups.slice(g + 1).flatMap((h) => h.blocks);
    const offsets = new Int32Array(blocks.length);
    let width = 0;
    blocks.forEach((b, k) => {
      offsets[k] = width;
      width += design.blocks[b].columnOfLevel.length;
    });
    return { blocks, offsets, width, sums: new Float64Array(group.cells * width) };
  });
  return {
    kernels,
    weighted: view(at.weighted, (m + 1) * CHUNK),
    pairSums: view(at.pairSums, (m + 1) * m),
    w: view(at.w, n),
    z: view(at.z, n),
    eta: view(at.eta, n),
    coefficients: view(at.coefficients, m),
    at,
    cellSums: design.groups.map((g) => new Float64Array(g.cells * (m + 2))),
    later,
    cellOffsets: design.groups.map((g) => new Float64Array(g.cells)),
  };
}

/** Zeroes the running sums before the first chunk. */
function startCrossProduct(workspace: CrossProductWorkspace): void {
  workspace.pairSums.fill(0);
  for (const sums of workspace.cellSums) sums.fill(0);
  for (const { sums } of workspace.later) sums.fill(0);
}

/**
 * Adds rows s .. s + len - 1 (at most CHUNK) to the running sums, with the workspace's weights and, withZ, working
 * responses (without them only X'WX is wanted).
 */
function accumulateChunk(design: Design, workspace: CrossProductWorkspace, s: number, len: number, withZ: boolean): void {
  const { blocks, groups } = design;
  const m = design.denseValues.length;
  const { kernels: k, weighted: wx, w, cellSums, later, at } = workspace;
  // The kernels take rows in pairs: an odd last chunk takes one row more, whose w (0 past the last row) adds nothing.
  const bytes = 8 * (len + (len & 1));
  const row = (a: number) => at.weighted + 8 * a * CHUNK;
  const column = (b: number) => at.columns[b] + 8 * s;
  const sum = (a: number, b: number) => at.pairSums + 8 * (a * m + b);
  for (let a = 0; a < m; a++) k.weighted(column(a), at.w + 8 * s, row(a), bytes);
  if (withZ) k.weighted(at.z + 8 * s, at.w + 8 * s, row(m), bytes);

  // Left-hand row a takes x_0 .. x_a (the lower triangle), row m (w z) takes all m; rows go in pairs so that each
  // column value read serves two rows (row a then also gets x_{a+1}, unused).
  const rows = withZ ? m + 1 : m;
  let a = 0;
  for (; a + 1 < rows; a += 2) {
    const cols = Math.min(a + 2, m);
    let b = 0;
    for (; b + 4 <= cols; b += 4) k.dots2x4(row(a), row(a + 1), column(b), column(b + 1), column(b + 2), column(b + 3), bytes, sum(a, b), sum(a + 1, b));
    for (; b < cols; b++) {
      k.dot1(row(a), column(b), bytes, sum(a, b));
      k.dot1(row(a + 1), column(b), bytes, sum(a + 1, b));
    }
  }
  if (a < rows) {
    const cols = Math.min(a + 1, m);
    let b = 0;
    for (; b + 4 <= cols; b += 4) k.dots1x4(row(a), column(b), column(b + 1), column(b + 2), column(b + 3), bytes, sum(a, b));
    for (; b < cols; b++) k.dot1(row(a), column(b), bytes, sum(a, b));
  }

  const width = m + 2;
  for (let g = 0; g < groups.length; g++) {
    const cellOfRow = groups[g].cellOfRow;
    const sums = cellSums[g];
    for (let r = 0; r < len; r++) {
      const base = cellOfRow[s + r] * width;
      sums[base] += w[s + r];
      for (let c = 0; c < rows; c++) sums[base + 1 + c] += wx[c * CHUNK + r];
    }
  }
  for (let g = 0; g < groups.length; g++) {
    const cellOfRow = groups[g].cellOfRow;
    const { blocks: laterBlocks, offsets, width: slots, sums } = later[g];
    for (let t = 0; t < laterBlocks.length; t++) {
      const codes = blocks[laterBlocks[t]].codes;
      const offset = offsets[t];
      for (let r = 0; r < len; r++) sums[cellOfRow[s + r] * slots + offset + codes[s + r]] += w[s + r];
    }
  }
}

/** Writes X'WX (full symmetric p x p, row-major) and, when withZ, X'Wz from the running sums. */
function finishCrossProduct(design: Design, workspace: CrossProductWorkspace, withZ: boolean, xtwx: Float64Array, xtwz: Float64Array): void {
  const { p, denseColumns, blocks, groups } = design;
  const m = denseColumns.length;
  const width = m + 2;
  const { pairSums, cellSums, later } = workspace;
  xtwx.fill(0);
  xtwz.fill(0);
  for (let a = 0; a < m; a++) {
    const ja = denseColumns[a];
    for (let b = 0; b <= a; b++) {
      const v = pairSums[a * m + b];
      const jb = denseColumns[b];
      xtwx[ja * p + jb] = v;
      xtwx[jb * p + ja] = v;
    }
    if (withZ) xtwz[ja] = pairSums[m * m + a];
  }
  // Row j's intercept and dense entries and X'Wz_j from a cell's sums.
  const addCell = (sums: Float64Array, base: number, j: number): void => {
    for (let a = 0; a < m; a++) {
      const ja = denseColumns[a];
      const v = sums[base + 1 + a];
      xtwx[j * p + ja] += v;
      xtwx[ja * p + j] += v;
    }
    if (withZ) xtwz[j] += sums[base + m + 1];
  };
  groups.forEach((group, g) => {
    const sums = cellSums[g];
    const k = group.blocks.length;
    const { cellColumns } = group;
    for (let cell = 0; cell < group.cells; cell++) {
      const base = cell * width;
      const sw = sums[base];
      // The intercept's row from the first group's cells (every group's cells cover all rows).
      if (g === 0) {
        xtwx[0] += sw;
        addCell(sums, base, 0);
      }
      for (let u = 0; u < k; u++) {
        const j = cellColumns[cell * k + u];
        if (j < 0) continue;
        addCell(sums, base, j);
        xtwx[j * p] += sw;
        xtwx[j] += sw;
        xtwx[j * p + j] += sw;
        for (let v = 0; v < u; v++) {
          const jv = cellColumns[cell * k + v];
          if (jv < 0) continue;
          xtwx[j * p + jv] += sw;
          xtwx[jv * p + j] += sw;
        }
      }
    }
  });
  groups.forEach((group, g) => {
    const { blocks: laterBlocks, offsets, width: slots, sums } = later[g];
    const k = group.blocks.length;
    for (let cell = 0; cell < group.cells; cell++) {
      for (let u = 0; u < k; u++) {
        const j = group.cellColumns[cell * k + u];
        if (j < 0) continue;
        laterBlocks.forEach((b, t) => {
          const columnOfLevel = blocks[b].columnOfLevel;
          for (let level = 1; level < columnOfLevel.length; level++) {
            const v = sums[cell * slots + offsets[t] + level];
            xtwx[j * p + columnOfLevel[level]] += v;
            xtwx[columnOfLevel[level] * p + j] += v;
          }
        });
      }
    }
  });
}

/** Writes X'WX (full symmetric p x p, row-major) and X'Wz; `z` may be null when only X'WX is wanted. */
export function weightedCrossProduct(design: Design, w: Float64Array, z: Float64Array | null, xtwx: Float64Array, xtwz: Float64Array,
  workspace: CrossProductWorkspace = crossProductWorkspace(design)): void {
  if (w !== workspace.w) workspace.w.set(w);
  if (z !== null && z !== workspace.z) workspace.z.set(z);
  startCrossProduct(workspace);
  for (let s = 0; s < design.n; s += CHUNK) accumulateChunk(design, workspace, s, Math.min(CHUNK, design.n - s), z !== null);
  finishCrossProduct(design, workspace, z !== null, xtwx, xtwz);
}

/**
 * Puts beta where linearPredictorChunk reads it, once per pass: per cell the sum of its levels' coefficients, and
 * the dense columns' coefficients in the kernels' memory.
 */
export function setCoefficients(design: Design, beta: Float64Array, workspace: CrossProductWorkspace): void {
  design.denseColumns.forEach((j, a) => (workspace.coefficients[a] = beta[j]));
  design.groups.forEach((group, g) => {
    const offsets = workspace.cellOffsets[g];
    const k = group.blocks.length;
    for (let cell = 0; cell < group.cells; cell++) {
      let s = 0;
      for (let u = 0; u < k; u++) {
        const j = group.cellColumns[cell * k + u];
        if (j >= 0) s += beta[j];
      }
      offsets[cell] = s;
    }
  });
}

/**
 * The workspace's eta = X beta for rows s .. s + len - 1: intercept, the cells' level coefficients, then the dense
 * columns in order (by the kernels, on their copies of the columns).
 */
export function linearPredictorChunk(design: Design, beta: Float64Array, workspace: CrossProductWorkspace, s: number, len: number): void {
  const { denseColumns, groups } = design;
  const { eta, kernels, at } = workspace;
  const b0 = beta[0];
  const offsets0 = workspace.cellOffsets[0];
  const cells0 = groups[0].cellOfRow;
  const end = s + len;
  for (let i = s; i < end; i++) eta[i] = b0 + offsets0[cells0[i]];
  for (let g = 1; g < groups.length; g++) {
    const offsets = workspace.cellOffsets[g];
    const cells = groups[g].cellOfRow;
    for (let i = s; i < end; i++) eta[i] += offsets[cells[i]];
  }
  // The kernels take rows in pairs: an odd last chunk takes the row past the last, whose column values are 0.
  const bytes = 8 * (len + (len & 1));
  for (let a = 0; a < denseColumns.length; a++) kernels.scaledAdd(at.columns[a] + 8 * s, at.coefficients + 8 * a, at.eta + 8 * s, bytes);
}
