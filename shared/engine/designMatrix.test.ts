import { describe, expect, it } from 'vitest';
import { codeCovariates } from './covariateCoding';
import { buildDesign, designColumn } from './designMatrix';

describe('buildDesign', () => {
  it('codes categorical and numeric covariates as METHOD.md section 2 says', () => {
    // eth: rows [W, B, W, missing, B, A]: W and B tie at 2 -> reference B (byte-order first); columns A, W, (missing).
    // x: [1, missing, 3, 5, 1, 2] with treated rows 0 and 1: pool mean of observed = (3 + 5 + 1 + 2) / 4 = 2.75.
    const treated = Uint8Array.from([1, 1, 0, 0, 0, 0]);
    const coded = codeCovariates(
      [
        { kind: 'categorical', name: 'eth', levels: ['W', 'B', 'A'], codes: Int32Array.from([0, 1, 0, -1, 1, 2]) },
        { kind: 'numeric', name: 'x', values: Float64Array.from([1, Number.NaN, 3, 5, 1, 2]) },
      ],
      treated,
    );
    const { design, droppedColumns } = buildDesign(coded, treated);
    expect(design.names).toEqual(['(Intercept)', 'eth=A', 'eth=W', 'eth=(missing)', 'x', 'x (missing)']);
    expect(droppedColumns).toEqual([]);
    const col = (j: number) => Array.from(designColumn(design, j));
    expect(col(0)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(col(1)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(col(2)).toEqual([1, 0, 1, 0, 0, 0]);
    expect(col(3)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(col(4)).toEqual([1, 2.75, 3, 5, 1, 2]);
    expect(col(5)).toEqual([0, 1, 0, 0, 0, 0]);
  });

  it('drops collinear columns, the later one, by name', () => {
    // y = 2 x + 1 exactly: y is dropped. z is the indicator of level b of g: g=b duplicates z, dropped.
    const x = Float64Array.from([0, 1, 2, 3, 4, 5]);
    const coded = codeCovariates(
      [
        { kind: 'numeric', name: 'x', values: x },
        { kind: 'numeric', name: 'y', values: x.map((v) => 2 * v + 1) },
        { kind: 'numeric', name: 'z', values: Float64Array.from([1, 0, 0, 1, 0, 0]) },
        { kind: 'categorical', name: 'g', levels: ['a', 'b'], codes: Int32Array.from([1, 0, 0, 1, 0, 0]) },
      ],
      new Uint8Array(6),
    );
    const { design, droppedColumns } = buildDesign(coded, Uint8Array.from([1, 0, 1, 0, 0, 0]));
    expect(droppedColumns).toEqual(['y', 'g=b']);
    expect(design.names).toEqual(['(Intercept)', 'x', 'z']);
    expect(Array.from(designColumn(design, 2))).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('leaves out a missing indicator that repeats an earlier one, naming it among the dropped in design order', () => {
    // a and b are missing on rows 1 and 3 both: "b (missing)" copies "a (missing)". y = 2 x + 1 is dropped after it.
    const nan = Number.NaN;
    const x = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    const coded = codeCovariates(
      [
        { kind: 'numeric', name: 'a', values: Float64Array.from([5, nan, 1, nan, 2, 8, 3, 3]) },
        { kind: 'numeric', name: 'b', values: Float64Array.from([1, nan, 4, nan, 1, 5, 9, 2]) },
        { kind: 'numeric', name: 'x', values: x },
        { kind: 'numeric', name: 'y', values: x.map((v) => 2 * v + 1) },
      ],
      new Uint8Array(8),
    );
    const { design, droppedColumns } = buildDesign(coded, Uint8Array.from([0, 1, 0, 0, 1, 0, 0, 1]));
    expect(droppedColumns).toEqual(['b (missing)', 'y']);
    expect(design.names).toEqual(['(Intercept)', 'a', 'a (missing)', 'b', 'x']);
    expect(Array.from(designColumn(design, 2))).toEqual([0, 1, 0, 1, 0, 0, 0, 0]);
    expect(design.blocks.length).toBe(1);
  });
});

