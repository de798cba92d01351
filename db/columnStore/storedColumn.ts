// One column of the column store as it lies in a BLOB: the bytes of a typed array (little-endian,
// as on every platform Matchlab runs on), or a list of texts joined by NUL. NUL cannot be in an
// imported value: the CSV reader refuses NUL bytes and XML (XLSX) cannot carry one.

export type StoredType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'float64' | 'text';

export type TypedColumn = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Float64Array;

const CONSTRUCTORS = {
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  float64: Float64Array,
} as const;

type TypedName = Exclude<StoredType, 'text'>;
export type TypedOf<T extends TypedName> = InstanceType<(typeof CONSTRUCTORS)[T]>;

export const TEXT_SEPARATOR = '\0';

export function typeOf(values: TypedColumn): TypedName {
  if (values instanceof Int8Array) return 'int8';
  if (values instanceof Uint8Array) return 'uint8';
  if (values instanceof Int16Array) return 'int16';
  if (values instanceof Uint16Array) return 'uint16';
  if (values instanceof Int32Array) return 'int32';
  return 'float64';
}

export function encodeTyped(values: TypedColumn): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/**
 * Where a column read from the store is put: its own memory, or shared memory, which an analysis job's two threads
 * both read without a copy (electron/jobs/sharedCohort.ts).
 */
export type ColumnMemory = 'own' | 'shared';

/** A new array of `Ctor` for n values in `memory`. */
export function allocate<T extends TypedColumn>(Ctor: { new (b: ArrayBufferLike): T; BYTES_PER_ELEMENT: number }, n: number, memory: ColumnMemory): T {
  const bytes = n * Ctor.BYTES_PER_ELEMENT;
  return new Ctor(memory === 'shared' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** A typed array over the blob's bytes (copied when they are not aligned for the type, or asked for in shared memory). */
export function decodeTyped<T extends TypedName>(type: T, blob: Buffer, memory: ColumnMemory = 'own'): TypedOf<T> {
  const Ctor = CONSTRUCTORS[type] as unknown as { new (b: ArrayBufferLike, o: number, n: number): TypedOf<T>; BYTES_PER_ELEMENT: number };
  const size = Ctor.BYTES_PER_ELEMENT;
  if (blob.byteLength % size !== 0) throw new Error(`a stored ${type} column has ${blob.byteLength} bytes`);
  if (memory === 'shared') {
    const shared = allocate(Uint8Array, blob.byteLength, memory);
    shared.set(blob);
    return new Ctor(shared.buffer, 0, blob.byteLength / size);
  }
  const bytes = blob.byteOffset % size === 0 ? blob : Buffer.from(new Uint8Array(blob));
  return new Ctor(bytes.buffer, bytes.byteOffset, bytes.byteLength / size);
}

export function encodeTexts(values: readonly string[]): Buffer {
  for (const v of values) if (v.includes(TEXT_SEPARATOR)) throw new Error('a text value holds a NUL character');
  return Buffer.from(values.join(TEXT_SEPARATOR), 'utf8');
}

export function decodeTexts(blob: Buffer, count: number): string[] {
  if (count === 0) return [];
  const texts = blob.toString('utf8').split(TEXT_SEPARATOR);
  if (texts.length !== count) throw new Error(`a stored text column has ${texts.length} values, not ${count}`);
  return texts;
}
