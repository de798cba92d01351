// X'WX and X'Wz of the score model's design (X'WX_jk = sum_i w_i x_ij x_ik, X'Wz_j = sum_i w_i z_i x_ij), and
// eta = X beta, computed from the design's structure rather than entry by entry:
// - dense x dense (and dense x z): dot products of w x_a (and w z) with x_b over chunks of rows that stay in cache;
// - everything involving the intercept or an indicator column: a level's rows are a union of cells of its group,
//   so one scatter per row of (w, w x_a, w z) into per-cell sums gives the intercept, the level diagonals (sum of
//   w), the level x dense terms and the level x level terms of blocks in the same group (levels of one block are
//   mutually exclusive, their cross terms are zero);
// - levels of blocks in different groups: per cell of the earlier group, sums of w by level of each block of the
//   later groups (the cell fixes the earlier group's levels, so one add per row and later block).
// Rows are added chunk by chunk in their given order, so the result depends on that order only.
import type { Design } from './designMatrix';

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
  /** Left-hand rows for the current chunk: w x_a at offset a * CHUNK (a < m), w z at offset m * CHUNK. */
  weighted: Float64Array;
  /** pairSums[a * m + b]: sum of w x_a x_b for b <= a < m; pairSums[m * m + b]: sum of w z x_b. */
  pairSums: Float64Array;
  /** Per group, per cell: sum of w, sums of w x_a (m of them), sum of w z. */
  cellSums: Float64Array[];
  /** Per group. */
  later: LaterLevels[];
  /** Per group, per cell: sum of the coefficients of the cell's levels (for eta). */
  cellOffsets: Float64Array[];
}

export function crossProductWorkspace(design: Design): CrossProductWorkspace {
  const m = design.denseValues.length;
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
    weighted: new Float64Array((m + 1) * CHUNK),
    pairSums: new Float64Array((m + 1) * m),
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

/** out[at + k] += sum over the chunk of wx[o + r] x_k[s + r], four columns per read of wx. */
function addDots4(wx: Float64Array, o: number, x0: Float64Array, x1: Float64Array, x2: Float64Array, x3: Float64Array,
  s: number, len: number, out: Float64Array, at: number): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let r = 0; r < len; r++) {
    const v = wx[o + r];
    const i = s + r;
    s0 += v * x0[i];
    s1 += v * x1[i];
    s2 += v * x2[i];
    s3 += v * x3[i];
  }
  out[at] += s0;
  out[at + 1] += s1;
  out[at + 2] += s2;
  out[at + 3] += s3;
}

/** addDots4 for two left-hand rows at once (o, at and o2, at2): each column value read once for both. */
function addDots2x4(wx: Float64Array, o: number, o2: number, x0: Float64Array, x1: Float64Array, x2: Float64Array, x3: Float64Array,
  s: number, len: number, out: Float64Array, at: number, at2: number): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
  for (let r = 0; r < len; r++) {
    const v = wx[o + r];
    const u = wx[o2 + r];
    const i = s + r;
    const y0 = x0[i], y1 = x1[i], y2 = x2[i], y3 = x3[i];
    s0 += v * y0;
    s1 += v * y1;
    s2 += v * y2;
    s3 += v * y3;
    t0 += u * y0;
    t1 += u * y1;
    t2 += u * y2;
    t3 += u * y3;
  }
  out[at] += s0;
  out[at + 1] += s1;
  out[at + 2] += s2;
  out[at + 3] += s3;
  out[at2] += t0;
  out[at2 + 1] += t1;
  out[at2 + 2] += t2;
  out[at2 + 3] += t3;
}

function addDot(wx: Float64Array, o: number, x: Float64Array, s: number, len: number, out: Float64Array, at: number): void {
  let s0 = 0;
  for (let r = 0; r < len; r++) s0 += wx[o + r] * x[s + r];
  out[at] += s0;
}

/** Dots of left-hand rows a (at offset o, results at) with x_0 .. x_{cols - 1}. */
function addRowDots(wx: Float64Array, o: number, x: Float64Array[], cols: number, s: number, len: number, out: Float64Array, at: number): void {
  let k = 0;
  for (; k + 4 <= cols; k += 4) addDots4(wx, o, x[k], x[k + 1], x[k + 2], x[k + 3], s, len, out, at + k);
  for (; k < cols; k++) addDot(wx, o, x[k], s, len, out, at + k);
}

/**
 * Adds rows s .. s + len - 1 (at most CHUNK) to the running sums, with weights w[o + r] and working responses
 * z[o + r] for row s + r (z null when only X'WX is wanted).
 */
function accumulateChunk(design: Design, workspace: CrossProductWorkspace, s: number, len: number,
  w: Float64Array, z: Float64Array | null, o: number): void {
  const { denseValues: x, blocks, groups } = design;
  const m = x.length;
  const { weighted: wx, pairSums, cellSums, later } = workspace;
  for (let a = 0; a < m; a++) {
    const xa = x[a];
    const at = a * CHUNK;
    for (let r = 0; r < len; r++) wx[at + r] = w[o + r] * xa[s + r];
  }
  if (z !== null) for (let r = 0; r < len; r++) wx[m * CHUNK + r] = w[o + r] * z[o + r];

  // Left-hand row a takes x_0 .. x_a (the lower triangle), row m (w z) takes all m; rows go in pairs so that each
  // column value read serves two rows (row a then also gets x_{a+1}, unused).
  const rows = z === null ? m : m + 1;
  let a = 0;
  for (; a + 1 < rows; a += 2) {
    const cols = Math.min(a + 2, m);
    let k = 0;
    for (; k + 4 <= cols; k += 4) {
      addDots2x4(wx, a * CHUNK, (a + 1) * CHUNK, x[k], x[k + 1], x[k + 2], x[k + 3], s, len, pairSums, a * m + k, (a + 1) * m + k);
    }
    for (; k < cols; k++) {
      addDot(wx, a * CHUNK, x[k], s, len, pairSums, a * m + k);
      addDot(wx, (a + 1) * CHUNK, x[k], s, len, pairSums, (a + 1) * m + k);
    }
  }
  if (a < rows) addRowDots(wx, a * CHUNK, x, Math.min(a + 1, m), s, len, pairSums, a * m);

  const width = m + 2;
  for (let g = 0; g < groups.length; g++) {
    const cellOfRow = groups[g].cellOfRow;
    const sums = cellSums[g];
    for (let r = 0; r < len; r++) {
      const base = cellOfRow[s + r] * width;
      sums[base] += w[o + r];
      for (let k = 0; k < rows; k++) sums[base + 1 + k] += wx[k * CHUNK + r];
    }
  }
  for (let g = 0; g < groups.length; g++) {
    const cellOfRow = groups[g].cellOfRow;
    const { blocks: laterBlocks, offsets, width: slots, sums } = later[g];
    for (let k = 0; k < laterBlocks.length; k++) {
      const codes = blocks[laterBlocks[k]].codes;
      const offset = offsets[k];
      for (let r = 0; r < len; r++) sums[cellOfRow[s + r] * slots + offset + codes[s + r]] += w[o + r];
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
  startCrossProduct(workspace);
  for (let s = 0; s < design.n; s += CHUNK) accumulateChunk(design, workspace, s, Math.min(CHUNK, design.n - s), w, z, s);
  finishCrossProduct(design, workspace, z !== null, xtwx, xtwz);
}

/** Sets the workspace's per-cell sums of level coefficients from beta (before linearPredictorChunk). */
export function setCellOffsets(design: Design, beta: Float64Array, workspace: CrossProductWorkspace): void {
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

/** eta = X beta for rows s .. s + len - 1: intercept, the cells' level coefficients, then the dense columns in order. */
export function linearPredictorChunk(design: Design, beta: Float64Array, workspace: CrossProductWorkspace, s: number, len: number, eta: Float64Array): void {
  const { denseColumns, denseValues, groups } = design;
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
  for (let a = 0; a < denseValues.length; a++) {
    const coef = beta[denseColumns[a]];
    const values = denseValues[a];
    for (let i = s; i < end; i++) eta[i] += coef * values[i];
  }
}
