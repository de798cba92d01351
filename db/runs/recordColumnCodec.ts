// A run's record-level arrays in their smallest plain layout, for run_records format 2 (runStore.ts). Most of a
// national analysis's arrays are mostly zero (set totals and the treated flag exist for the few hundred treated rows, a
// nearest-neighbour analysis weighs only its matched records) or small (strata numbers): storing them as they are
// made a National + Regional run 21.9 MB at 300k records (11.2 MB now), and its commit through the encrypted store was the dearest part of saving.
// No compression library: the layouts are exact (every value comes back bit for bit) and cost one pass each way.
//
// A column: a 16-byte header of four uint32 (layout, length, k, 0), then its payload, native byte order as before.
//   dense:  length values of the array's own type;
//   bytes:  length uint8 (an integer array whose values all lie in 0..255);
//   sparse: k int32 positions of the values other than +0, padded to 8 bytes, then those k values.

export type RecordColumn = Float64Array | Int32Array | Uint8Array;
export interface RecordColumnType<T extends RecordColumn> {
  new (n: number): T;
  new (b: ArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
}

const DENSE = 0;
const BYTES = 1;
const SPARSE = 2;
const HEADER = 16;

const padTo8 = (bytes: number) => (bytes + 7) & ~7;

/** Copies `count` elements of type T from `buf` at `offset` (a copy: the Buffer's offset need not be aligned). */
function read<T extends RecordColumn>(Type: RecordColumnType<T>, buf: Uint8Array, offset: number, count: number): T {
  const bytes = new Uint8Array(count * Type.BYTES_PER_ELEMENT);
  bytes.set(buf.subarray(offset, offset + bytes.length));
  return new Type(bytes.buffer);
}

function header(layout: number, length: number, k: number, payload: number): Buffer {
  const out = Buffer.alloc(HEADER + payload);
  new Uint32Array(out.buffer, out.byteOffset, 4).set([layout, length, k, 0]);
  return out;
}

const asBytes = (a: RecordColumn) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The column in whichever layout is smallest: sparse when k nonzero values take fewer bytes than all n. */
export function encodeColumn(a: RecordColumn): Buffer {
  const n = a.length;
  const size = a.BYTES_PER_ELEMENT;
  let k = 0;
  let byteSized = !(a instanceof Float64Array);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    // Object.is: a -0 is kept as a value, so that every bit comes back.
    if (!Object.is(v, 0)) k++;
    if (byteSized && (v < 0 || v > 255)) byteSized = false;
  }
  const sparseBytes = padTo8(4 * k) + size * k;
  const denseBytes = byteSized ? n : n * size;
  if (sparseBytes < denseBytes) {
    const out = header(SPARSE, n, k, sparseBytes);
    const positions = new Int32Array(k);
    const values = new (a.constructor as RecordColumnType<RecordColumn>)(k);
    for (let i = 0, j = 0; i < n; i++) {
      if (Object.is(a[i], 0)) continue;
      positions[j] = i;
      values[j++] = a[i];
    }
    out.set(asBytes(positions), HEADER);
    out.set(asBytes(values), HEADER + padTo8(4 * k));
    return out;
  }
  if (byteSized && size > 1) {
    const out = header(BYTES, n, 0, n);
    for (let i = 0; i < n; i++) out[HEADER + i] = a[i];
    return out;
  }
  const out = header(DENSE, n, 0, denseBytes);
  out.set(asBytes(a), HEADER);
  return out;
}

/** The column encodeColumn wrote, as an array of type `Type`. */
export function decodeColumn<T extends RecordColumn>(buf: Uint8Array, Type: RecordColumnType<T>): T {
  const [layout, n, k] = read(Int32Array, buf, 0, 3);
  if (layout === DENSE) return read(Type, buf, HEADER, n);
  const out = new Type(n);
  if (layout === BYTES) out.set(buf.subarray(HEADER, HEADER + n));
  else if (layout === SPARSE) {
    const positions = read(Int32Array, buf, HEADER, k);
    const values = read(Type, buf, HEADER + padTo8(4 * k), k);
    for (let j = 0; j < k; j++) out[positions[j]] = values[j];
  } else throw new RangeError(`unknown record column layout ${layout}`);
  return out;
}
