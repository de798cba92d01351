// The one pass over a file: check every cell, and write the rows while no problem has been found.
import { convertCell, explainCell, INVALID, type CellContext } from './cellRules';
import type { ExtraColumnTyping } from './extraColumnTyping';
import type { FileKind, ProblemLog } from './importProblems';
import type { ValueRule } from '../../shared/extract/extractRoles';
import type { RowSource } from './rowSource';

export type StoredValue = string | number | bigint | null;

export interface FeedColumn {
  sourceIndex: number;
  /** Name used in problems: the store column name. */
  column: string;
  /** null for an extra cohort column (typed by `extra`). */
  rule: ValueRule | null;
  required: boolean;
  /** Stored for a blank cell of an optional column. */
  blankValue: StoredValue;
  extra: ExtraColumnTyping | null;
}

/** Where checked rows go: the store (BatchInserter) or another thread (ColumnBatchSink). */
export interface RowSink {
  /** A row's values are written here, from nextRowOffset(), before commitRow(). */
  readonly params: StoredValue[];
  nextRowOffset(): number;
  commitRow(): void;
  /** Writes the rows still pending. */
  flush(): void;
}

/**
 * Checks relations between a row's values (duplicates, date order) and fills computed columns.
 * `values[base + k]` holds feed k's value, computed columns follow the feeds. Returns false
 * when it reported a problem.
 */
export type RowCheck = (values: StoredValue[], base: number, row: number, line: number) => boolean;

export interface LoadContext {
  kind: FileKind;
  file: string;
  problems: ProblemLog;
  cell: CellContext;
  headerWidth: number;
  /** Source columns with a blank header. */
  unnamed: number[];
  /** Whether rows are still worth writing: false once any problem means the import will fail. */
  writing: () => boolean;
  signal?: AbortSignal;
  /** Called after each batch with the rows read so far; reading waits for a returned promise. */
  onBatch?: (rows: number) => void | Promise<void>;
}

export async function loadRows(
  source: RowSource,
  feeds: FeedColumn[],
  inserter: RowSink,
  check: RowCheck,
  ctx: LoadContext,
): Promise<number> {
  const { problems, kind, file, cell } = ctx;
  const values = inserter.params;
  let rows = 0;
  for await (const batch of source.batches()) {
    ctx.signal?.throwIfAborted();
    const { cells: batchCells, lines, firstRow } = batch;
    for (let i = 0; i < batchCells.length; i++) {
      const cells = batchCells[i];
      const row = firstRow + i;
      const line = lines[i];
      rows++;
      if (cells.length !== ctx.headerWidth) {
        problems.add({
          kind, file, row, line, column: null, value: null,
          message: `the row has ${cells.length} field${cells.length === 1 ? '' : 's'} but the header has ${ctx.headerWidth}`,
        });
        continue;
      }
      let ok = true;
      for (const u of ctx.unnamed) {
        if (cells[u].trim() !== '') {
          problems.add({ kind, file, row, line, column: `(column ${u + 1})`, value: cells[u], message: 'a value in a column with no header' });
          ok = false;
        }
      }
      const base = inserter.nextRowOffset();
      for (let k = 0; k < feeds.length; k++) {
        const feed = feeds[k];
        const text = cells[feed.sourceIndex].trim();
        let value: StoredValue | typeof INVALID;
        if (text === '') {
          if (feed.required) {
            problems.add({ kind, file, row, line, column: feed.column, value: '', message: 'a required value is missing' });
            ok = false;
          }
          value = feed.blankValue;
        } else if (feed.rule === null) {
          value = feed.extra!.store(text);
          if (value === null) {
            problems.add({ kind, file, row, line, column: feed.column, value: text, message: 'is not a number (the column is set to numeric)' });
            ok = false;
          }
        } else {
          value = convertCell(feed.rule, text, cell);
          if (value === INVALID) {
            problems.add({ kind, file, row, line, column: feed.column, value: text, message: explainCell(feed.rule, text, cell) });
            ok = false;
            value = null;
          }
        }
        values[base + k] = value;
      }
      if (ok && check(values, base, row, line) && ctx.writing()) inserter.commitRow();
    }
    await ctx.onBatch?.(rows);
  }
  if (ctx.writing()) inserter.flush();
  return rows;
}
