// Byte order of UTF-8 strings (= Unicode code point order), the tie-break order METHOD.md uses for record ids
// and level names. JavaScript's `<` compares UTF-16 code units, which differs from it only when a string holds
// a character above U+FFFF (a surrogate pair) compared with one in U+E000..U+FFFF.

const SURROGATE_OR_HIGH = /[\uD800-\uFFFF]/;

function codePointKey(unit: number): number {
  // Surrogates (code points above U+FFFF) sort after U+E000..U+FFFF.
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** Negative, zero or positive as a sorts before, equal to or after b in UTF-8 byte order. */
export function compareByteOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (!SURROGATE_OR_HIGH.test(a) && !SURROGATE_OR_HIGH.test(b)) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return codePointKey(ca) - codePointKey(cb);
  }
  return a.length - b.length;
}

/** The index of `id` in `sorted` (ids in byte order, each once), or -1: a binary search. */
export function indexInByteOrder(sorted: readonly string[], id: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareByteOrder(sorted[mid], id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Row indices that put `ids` in byte order; throws on a duplicate id (the order would not be unique). */
export function byteOrderPermutation(ids: readonly string[]): Int32Array {
  const n = ids.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // With no character above U+D7FF anywhere, UTF-16 order is byte order and the plain comparison is exact.
  const compare = ids.some((id) => SURROGATE_OR_HIGH.test(id)) ? compareByteOrder : (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = compare(ids[i - 1], ids[i]) < 0;
  if (!sorted) order.sort((a, b) => compare(ids[a], ids[b]));
  for (let i = 1; i < n; i++) {
    if (ids[order[i - 1]] === ids[order[i]]) throw new Error(`record_id "${ids[order[i]]}" occurs twice in the analysis`);
  }
  return order;
}
