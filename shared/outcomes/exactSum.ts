// Exact floating-point summation (Shewchuk's algorithm, as Python's math.fsum): the result is the
// correctly rounded exact sum, so it does not depend on the order the terms arrive in. This is what
// makes outcome estimates byte-identical whatever the row order of the input.

export class ExactSum {
  /** Non-overlapping partials, smallest magnitude first, in partials[0 .. count); their exact total is the sum so far. */
  private partials = new Float64Array(8);
  private count = 0;

  add(x: number): void {
    let p = this.partials;
    const n = this.count;
    let kept = 0;
    for (let j = 0; j < n; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[kept++] = lo;
      x = hi;
    }
    // A typed array rather than a resized JavaScript array: the sum runs over every record of a
    // national pool, a dozen times per analysis.
    if (kept === p.length) {
      const bigger = new Float64Array(2 * p.length);
      bigger.set(p);
      this.partials = p = bigger;
    }
    p[kept] = x;
    this.count = kept + 1;
  }

  /** The exact sum rounded once to the nearest double (ties to even, as fsum). */
  value(): number {
    const p = this.partials;
    let n = this.count;
    if (n === 0) return 0;
    let hi = p[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Half-way case: the remaining partials push the rounding of hi + lo away from the tie.
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}
