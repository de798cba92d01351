// Cholesky factorisation A = L L' of a small symmetric positive definite matrix (row-major p x p), for the
// normal equations of the score model.

/** Lower factor L (row-major, upper part zero), or null when A is not numerically positive definite. */
export function choleskyFactor(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j];
    for (let k = 0; k < j; k++) d -= l[j * p + k] * l[j * p + k];
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L L' x = b. */
export function choleskySolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * y[k];
    y[i] = s / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}

/** Diagonal of A^-1: A^-1 = (L^-1)' L^-1, so entry j is the squared norm of column j of L^-1. */
export function choleskyInverseDiagonal(l: Float64Array, p: number): Float64Array {
  const diag = new Float64Array(p);
  const col = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    // Column j of L^-1 by forward substitution on the unit vector e_j.
    col.fill(0);
    for (let i = j; i < p; i++) {
      let s = i === j ? 1 : 0;
      for (let k = j; k < i; k++) s -= l[i * p + k] * col[k];
      col[i] = s / l[i * p + i];
    }
    let s = 0;
    for (let i = j; i < p; i++) s += col[i] * col[i];
    diag[j] = s;
  }
  return diag;
}
