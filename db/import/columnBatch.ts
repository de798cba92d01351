// Checked rows crossing from a worker thread to the store's thread, packed as columns: numbers in
// transferable Float64Arrays and text in plain arrays cost far less to post than one array per row.
import type { RowSink, StoredValue } from './loadRows';
import { TextCodes } from '../../shared/extract/textCodes';

export interface ColumnBatch {
  rows: number;
  /**
   * Per column: Float64Array with NaN for NULL, the values themselves (text, BigInt, null), or a
   * text column's codes into the dictionary built up over the file's batches.
   */
  columns: (Float64Array | StoredValue[] | DictionaryColumn)[];
}

/**
 * Repeated texts (a reoffence's person_id, its court_outcome) cross as codes, each distinct text
 * once (in the batch where it first appears): far fewer strings to copy between threads, and the
 * reader's rows share one string per value, whose hash a Map lookup then computes only once.
 */
export interface DictionaryColumn {
  /** Index into the dictionary; -1 for NULL. */
  codes: Int32Array;
  /** Texts first seen in this batch, in code order. */
  added: string[];
}

/** Collects rows as loadRows writes them, and posts them `rowsPerBatch` at a time. */
export class ColumnBatchSink implements RowSink {
  readonly params: StoredValue[];
  private pending = 0;

  /** Per dictionary column: its texts' codes so far (null for other columns). */
  private readonly dictionaries: (TextCodes | null)[];

  constructor(
    /** Per column: true when its values are numbers (or NULL). */
    private readonly numeric: boolean[],
    private readonly rowsPerBatch: number,
    private readonly send: (batch: ColumnBatch, transfer: ArrayBuffer[]) => void,
    /** Per column: true when its values are texts (or NULL) that repeat, sent as a DictionaryColumn. */
    dictionary: boolean[] = [],
  ) {
    this.params = new Array(numeric.length * rowsPerBatch).fill(null);
    this.dictionaries = numeric.map((_, c) => (dictionary[c] ? new TextCodes() : null));
  }

  nextRowOffset(): number {
    return this.pending * this.numeric.length;
  }

  commitRow(): void {
    if (++this.pending === this.rowsPerBatch) this.flush();
  }

  flush(): void {
    if (this.pending === 0) return;
    const width = this.numeric.length;
    const columns: ColumnBatch['columns'] = [];
    const transfer: ArrayBuffer[] = [];
    for (let c = 0; c < width; c++) {
      const dictionary = this.dictionaries[c];
      if (dictionary) {
        const codes = new Int32Array(this.pending);
        const known = dictionary.size;
        for (let r = 0; r < this.pending; r++) {
          const v = this.params[r * width + c];
          codes[r] = v === null ? -1 : dictionary.codeOf(String(v));
        }
        columns.push({ codes, added: dictionary.texts.slice(known) });
        transfer.push(codes.buffer);
      } else if (this.numeric[c]) {
        const column = new Float64Array(this.pending);
        for (let r = 0; r < this.pending; r++) {
          const v = this.params[r * width + c];
          column[r] = v === null ? NaN : (v as number);
        }
        columns.push(column);
        transfer.push(column.buffer);
      } else {
        const column = new Array<StoredValue>(this.pending);
        for (let r = 0; r < this.pending; r++) column[r] = this.params[r * width + c];
        columns.push(column);
      }
    }
    this.send({ rows: this.pending, columns }, transfer);
    this.pending = 0;
  }
}

/** Where a posted batch's rows go on the writing thread, column by column (FileLoader's sink). */
export interface ColumnSink {
  /** Per column: numbers with NaN for NULL, or the values themselves. */
  writeColumns(columns: (Float64Array | StoredValue[])[], rows: number): void;
}

/**
 * Hands a posted batch to a sink on this thread, its dictionary columns as their texts (the same
 * string for each repeat). `dictionaries` holds, per column, the texts of its DictionaryColumns so
 * far: the same array for every batch of a file.
 */
export function writeColumnBatch(batch: ColumnBatch, sink: ColumnSink, dictionaries: string[][]): void {
  const columns = batch.columns.map((column, c) => {
    if (column instanceof Float64Array || Array.isArray(column)) return column;
    const texts = (dictionaries[c] ??= []);
    for (const text of column.added) texts.push(text);
    return textsOf(column.codes, texts);
  });
  sink.writeColumns(columns, batch.rows);
}

function textsOf(codes: Int32Array, texts: string[]): StoredValue[] {
  const out = new Array<StoredValue>(codes.length);
  for (let r = 0; r < codes.length; r++) out[r] = codes[r] < 0 ? null : texts[codes[r]];
  return out;
}
