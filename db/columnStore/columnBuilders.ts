// Columns collected while the import writes rows (in file order), finished in the order the
// column store keeps them (record_id order for the cohort, file order for reoffences).
import type { StoredValue } from '../import/loadRows';
import { compareByteOrder } from '../../shared/engine/byteOrder';
import type { ColumnToWrite, StoredColumn } from './columnTables';
import { encodeTexts, TEXT_SEPARATOR } from './storedColumn';
import { TextCodes } from '../../shared/extract/textCodes';
import { INT16_BLANK, INT8_BLANK } from '../../shared/engine/column';

/**
 * The order the column store keeps the collected rows in: `rows[k]` is the file row at position k, `positions[i]`
 * the position of file row i (its inverse); null keeps file order.
 */
export type RowOrder = { rows: Int32Array; positions: Int32Array } | null;

/** The order that puts file row rows[k] at position k. */
export function rowOrder(rows: Int32Array): RowOrder {
  const positions = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) positions[rows[k]] = k;
  return { rows, positions };
}

export interface ColumnBuilder {
  add(value: StoredValue): void;
  /** A numeric column's values at once (NaN for a blank), as a worker's batches bring them. */
  addNumbers?(values: Float64Array, rows: number): void;
  finish(order: RowOrder): ColumnToWrite;
}

/** The first `rows` values of a column (numbers with NaN for a blank, or the values themselves) into a builder. */
export function addColumn(builder: ColumnBuilder, column: Float64Array | StoredValue[], rows: number): void {
  if (column instanceof Float64Array) {
    if (builder.addNumbers) return builder.addNumbers(column, rows);
    for (let r = 0; r < rows; r++) builder.add(Number.isNaN(column[r]) ? null : column[r]);
    return;
  }
  for (let r = 0; r < rows; r++) builder.add(column[r]);
}

type GrowableCtor = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

/** A typed array that doubles as rows come in. */
export class Growable<C extends GrowableCtor> {
  values: InstanceType<C>;
  length = 0;
  constructor(private readonly Ctor: C) {
    this.values = new Ctor(1024) as InstanceType<C>;
  }
  push(v: number): void {
    if (this.length === this.values.length) {
      const bigger = new this.Ctor(this.values.length * 2) as InstanceType<C>;
      bigger.set(this.values as never);
      this.values = bigger;
    }
    this.values[this.length++] = v;
  }
  /**
   * The values in `order`, each file row written to its position (a scatter): reading them in the new order
   * instead (a gather) misses the cache on every row of a file in random order, about 3x the time of a 1M-row column.
   */
  ordered(order: RowOrder): InstanceType<C> {
    const out = new this.Ctor(this.length) as InstanceType<C>;
    if (order === null) out.set(this.values.subarray(0, this.length) as never);
    else {
      const { positions } = order;
      for (let i = 0; i < this.length; i++) out[positions[i]] = this.values[i];
    }
    return out;
  }
}

function orderedList<T>(values: T[], order: RowOrder): T[] {
  if (order === null) return values;
  const out = new Array<T>(values.length);
  const { positions } = order;
  for (let i = 0; i < values.length; i++) out[positions[i]] = values[i];
  return out;
}

/** record_id: kept as strings (as UTF-8 bytes they measured no faster), finished as the store keeps texts. */
export class TextBuilder implements ColumnBuilder {
  readonly values: string[] = [];
  add(value: StoredValue): void {
    this.values.push(value === null ? '' : String(value));
  }
  finish(order: RowOrder): ColumnToWrite {
    return { type: 'text', encoded: encodeTexts(orderedList(this.values, order)), rows: this.values.length };
  }
}

/**
 * person_id: kept as UTF-8 bytes rather than millions of JavaScript strings, which would stay on
 * the heap for the whole import (a million records and 2.5 million reoffences: about 150 MB).
 */
export class EncodedTextBuilder implements ColumnBuilder {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private readonly ends = new Growable(Int32Array);
  add(value: StoredValue): void {
    const text = value === null ? '' : String(value);
    if (text.includes(TEXT_SEPARATOR)) throw new Error('a text value holds a NUL character');
    const room = Buffer.byteLength(text);
    if (this.used + room > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + room));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.used += this.bytes.write(text, this.used);
    this.ends.push(this.used);
  }
  finish(order: RowOrder): ColumnToWrite {
    const n = this.ends.length;
    const ends = this.ends.values;
    const out = Buffer.allocUnsafe(this.used + Math.max(0, n - 1));
    let at = 0;
    for (let k = 0; k < n; k++) {
      const i = order === null ? k : order.rows[k];
      if (k > 0) out[at++] = 0;
      at += this.bytes.copy(out, at, i === 0 ? 0 : ends[i - 1], ends[i]);
    }
    return { type: 'text', encoded: out, rows: n };
  }
}

/**
 * The reoffences' person_id: each distinct id once, and a code per row. Not written as a column:
 * the import turns it into the reoffences' person numbers (db/import/extractPersons.ts), with one
 * lookup per distinct person instead of one per row. Rows read in a worker arrive sharing one
 * string per person (columnBatch.ts), so the lookup here is cheap.
 */
export class PersonIdBuilder implements ColumnBuilder {
  private readonly seen = new TextCodes();
  ids: string[] = this.seen.texts;
  readonly codes = new Growable(Int32Array);
  /**
   * Rows a file worker coded (columnBatch.ts): `ids` is that worker's whole dictionary so far, so
   * its codes are kept as they are, without a lookup. A file's rows come all this way or all by add.
   */
  addCoded(codes: Int32Array, ids: string[]): void {
    this.ids = ids;
    for (let k = 0; k < codes.length; k++) {
      // person_id is required: a row without one is a problem, and no row is written after a problem.
      if (codes[k] < 0) throw new Error('a reoffence without a person_id reached the column store');
      this.codes.push(codes[k]);
    }
  }
  add(value: StoredValue): void {
    this.codes.push(this.seen.codeOf(value === null ? '' : String(value)));
  }
  finish(): ColumnToWrite {
    throw new Error('the person ids are kept as person numbers, not as a column');
  }
}

/** Dates as day numbers (required, so never blank). */
export class DayBuilder implements ColumnBuilder {
  private readonly days = new Growable(Int32Array);
  add(value: StoredValue): void {
    this.days.push(value as number);
  }
  addNumbers(values: Float64Array, rows: number): void {
    for (let r = 0; r < rows; r++) this.days.push(values[r]);
  }
  finish(order: RowOrder): StoredColumn {
    return { type: 'int32', values: this.days.ordered(order) };
  }
}

/** Numbers; a blank is NaN (numeric columns) or 0 (uint8 flags, whose blanks are stored as 0). */
export class NumberBuilder implements ColumnBuilder {
  private readonly numbers: Growable<Float64ArrayConstructor> | Growable<Uint8ArrayConstructor>;
  constructor(private readonly type: 'float64' | 'uint8') {
    this.numbers = type === 'float64' ? new Growable(Float64Array) : new Growable(Uint8Array);
  }
  add(value: StoredValue): void {
    this.numbers.push(value === null ? (this.type === 'float64' ? NaN : 0) : Number(value));
  }
  addNumbers(values: Float64Array, rows: number): void {
    const blank = this.type === 'float64' ? NaN : 0;
    for (let r = 0; r < rows; r++) this.numbers.push(Number.isNaN(values[r]) ? blank : values[r]);
  }
  finish(order: RowOrder): StoredColumn {
    const values = this.numbers.ordered(order);
    return values instanceof Float64Array ? compactNumbers(values) : { type: 'uint8', values };
  }
}

/**
 * Counts, flags and OASys items are small whole numbers: kept in one or two bytes instead of eight
 * (the smallest value of the type marks a blank), which makes the column store a third of the
 * size. Read back with widenNumbers (shared/engine/column.ts), by each analysis for its own rows.
 */
export function compactNumbers(values: Float64Array): StoredColumn {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v) || Object.is(v, -0)) return { type: 'float64', values };
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const Ctor = min > INT8_BLANK && max < 128 ? Int8Array : min > INT16_BLANK && max < 32768 ? Int16Array : null;
  if (!Ctor) return { type: 'float64', values };
  const blank = Ctor === Int8Array ? INT8_BLANK : INT16_BLANK;
  const out = new Ctor(values.length);
  for (let k = 0; k < values.length; k++) out[k] = Number.isNaN(values[k]) ? blank : values[k];
  return { type: Ctor === Int8Array ? 'int8' : 'int16', values: out };
}

/** Category codes in order of first appearance while reading, recoded to byte order of the levels at the end. */
export class CategoryBuilder implements ColumnBuilder {
  private readonly codes = new Growable(Int32Array);
  private readonly seen = new Map<string, number>();
  private readonly levels: string[] = [];
  add(value: StoredValue): void {
    if (value === null || value === '') {
      this.codes.push(-1);
      return;
    }
    const text = String(value);
    let code = this.seen.get(text);
    if (code === undefined) {
      code = this.levels.length;
      this.seen.set(text, code);
      this.levels.push(text);
    }
    this.codes.push(code);
  }
  finish(order: RowOrder): StoredColumn {
    // Byte order of the names, so that the coding does not depend on the order of the rows.
    const levels = [...this.levels].sort(compareByteOrder);
    const rank = new Map(levels.map((name, k) => [name, k]));
    const recode = Int32Array.from(this.levels, (name) => rank.get(name)!);
    const codes = this.codes.ordered(order);
    for (let k = 0; k < codes.length; k++) if (codes[k] >= 0) codes[k] = recode[codes[k]];
    return { type: 'int32', values: codes, levels };
  }
}

/** An extra column: its kind is known only once every value has been seen. */
export class ExtraBuilder implements ColumnBuilder {
  private readonly values: StoredValue[] = [];
  constructor(private readonly kind: () => 'numeric' | 'categorical') {}
  add(value: StoredValue): void {
    this.values.push(value);
  }
  finish(order: RowOrder): ColumnToWrite {
    const values = orderedList(this.values, order);
    const builder = this.kind() === 'numeric' ? new NumberBuilder('float64') : new CategoryBuilder();
    for (const v of values) builder.add(v);
    return builder.finish(null);
  }
}
