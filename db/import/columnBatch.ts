// Checked rows crossing from a worker thread to the store's thread, packed as columns: numbers in
// transferable Float64Arrays and text in plain arrays cost far less to post than one array per row.
import type { RowSink, StoredValue } from './loadRows';

export interface ColumnBatch {
  rows: number;
  /** Per column: Float64Array with NaN for NULL, or the values themselves (text, BigInt, null). */
  columns: (Float64Array | StoredValue[])[];
}

/** Collects rows as loadRows writes them, and posts them `rowsPerBatch` at a time. */
export class ColumnBatchSink implements RowSink {
  readonly params: StoredValue[];
  private pending = 0;

  constructor(
    /** Per column: true when its values are numbers (or NULL). */
    private readonly numeric: boolean[],
    private readonly rowsPerBatch: number,
    private readonly send: (batch: ColumnBatch, transfer: ArrayBuffer[]) => void,
  ) {
    this.params = new Array(numeric.length * rowsPerBatch).fill(null);
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
      if (this.numeric[c]) {
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

/** Writes a posted batch into a sink on this thread (the columns are in the sink's order). */
export function writeColumnBatch(batch: ColumnBatch, sink: RowSink): void {
  const { params } = sink;
  const width = batch.columns.length;
  for (let r = 0; r < batch.rows; r++) {
    const base = sink.nextRowOffset();
    for (let c = 0; c < width; c++) {
      const column = batch.columns[c];
      if (column instanceof Float64Array) {
        const v = column[r];
        params[base + c] = Number.isNaN(v) ? null : v;
      } else {
        params[base + c] = column[r];
      }
    }
    sink.commitRow();
  }
}
