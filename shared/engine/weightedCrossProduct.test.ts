import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/reference/syntheticCohort';
import type { Column } from './column';
import { codeCovariates } from './covariateCoding';
import { MAX_CELLS_PER_GROUP, designColumn, fullDesign } from './designMatrix';
import { CHUNK, crossProductWorkspace, linearPredictorChunk, setCoefficients, weightedCrossProduct } from './weightedCrossProduct';

/** Rows past two chunks; three 20-level categoricals (8,000 cells) so the blocks fall into two cell groups. */
function mixedDesign(n: number) {
  const random = seededRandom(7);
  const categorical = (name: string, levels: number): Column => ({
    kind: 'categorical', name, levels: Array.from({ length: levels }, (_, k) => `L${String(k).padStart(2, '0')}`),
    codes: Int32Array.from({ length: n }, () => (random() < 0.05 ? -1 : Math.floor(random() * levels))),
  });
  const numeric = (name: string, missingShare: number): Column => ({
    kind: 'numeric', name, values: Float64Array.from({ length: n }, () => (random() < missingShare ? Number.NaN : Math.round(random() * 40) / 4 - 3)),
  });
  const columns = [numeric('a', 0), categorical('g1', 20), numeric('b', 0.2), categorical('g2', 20), categorical('g3', 20), numeric('c', 0.1),
    numeric('d', 0), numeric('e', 0), numeric('f', 0.3)];
  return fullDesign(codeCovariates(columns, new Uint8Array(n)), n);
}

describe('weightedCrossProduct', () => {
  const n = 2 * CHUNK + 357;
  const design = mixedDesign(n);
  const columns = Array.from({ length: design.p }, (_, j) => designColumn(design, j));
  const random = seededRandom(11);
  const w = Float64Array.from({ length: n }, () => 0.01 + random());
  const z = Float64Array.from({ length: n }, () => random() * 8 - 4);

  it('uses more than one cell group and cross-group level pairs on this design', () => {
    expect(design.groups.length).toBeGreaterThan(1);
    expect(design.groups.every((g) => g.cells <= MAX_CELLS_PER_GROUP)).toBe(true);
  });

  it("equals the direct sums over the dense columns (X'WX and X'Wz)", () => {
    const { p } = design;
    const xtwx = new Float64Array(p * p);
    const xtwz = new Float64Array(p);
    weightedCrossProduct(design, w, z, xtwx, xtwz);
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i] * z[i] * columns[j][i];
      expect(xtwz[j]).toBeCloseTo(s, 9);
      for (let k = 0; k < p; k++) {
        let t = 0;
        for (let i = 0; i < n; i++) t += w[i] * columns[j][i] * columns[k][i];
        expect(xtwx[j * p + k]).toBeCloseTo(t, 9);
      }
    }
  });

  it('gives eta = X beta as the direct sum, and bit for bit as JavaScript adds the dense terms (an odd last chunk too)', () => {
    const beta = Float64Array.from({ length: design.p }, () => random() * 2 - 1);
    const workspace = crossProductWorkspace(design);
    setCoefficients(design, beta, workspace);
    for (let s = 0; s < n; s += CHUNK) linearPredictorChunk(design, beta, workspace, s, Math.min(CHUNK, n - s));
    const { eta, cellOffsets } = workspace;
    expect(n % 2).toBe(1);
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < design.p; j++) e += beta[j] * columns[j][i];
      expect(eta[i]).toBeCloseTo(e, 10);
      let js = beta[0];
      design.groups.forEach((g, k) => (js += cellOffsets[k][g.cellOfRow[i]]));
      design.denseValues.forEach((values, a) => (js += beta[design.denseColumns[a]] * values[i]));
      expect(eta[i]).toBe(js);
    }
  });
});
