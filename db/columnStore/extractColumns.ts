// Which columns of the extract the column store keeps, and how: every cohort column (the cohort
// step and any analysis may use any of them) in record_id order, and the reoffences' columns the
// cohort step reads, in file order (their person_id as person numbers: db/import/extractPersons.ts). Participants are few and stay in their table.
import type { Db } from '../store';
import type { FeedColumn } from '../import/loadRows';
import { byteOrderRows } from '../../shared/engine/byteOrder';
import { CategoryBuilder, DayBuilder, EncodedTextBuilder, ExtraBuilder, NumberBuilder, PersonIdBuilder, rowOrder, TextBuilder, type ColumnBuilder, type RowOrder } from './columnBuilders';
import { writeExtractColumn, type ColumnFile } from './columnTables';

function cohortBuilder(feed: FeedColumn): ColumnBuilder {
  if (feed.column === 'record_id') return new TextBuilder();
  if (feed.column === 'person_id') return new EncodedTextBuilder();
  if (feed.extra) {
    const typing = feed.extra;
    return new ExtraBuilder(() => typing.kind);
  }
  switch (feed.rule) {
    case 'date':
      return new DayBuilder();
    case 'count':
    case 'flag':
    case 'oasys':
      return new NumberBuilder('float64');
    default:
      return new CategoryBuilder();
  }
}

function reoffenceBuilder(feed: FeedColumn): ColumnBuilder {
  if (feed.column === 'person_id') return new PersonIdBuilder();
  if (feed.rule === 'date') return new DayBuilder();
  if (feed.rule === 'flag') return new NumberBuilder('uint8');
  return new CategoryBuilder();
}

/** One builder per feed of the file (none for participants). */
export function extractColumnBuilders(file: 'cohort' | 'reoffences' | 'participants', feeds: readonly FeedColumn[]): (ColumnBuilder | null)[] {
  if (file === 'participants') return feeds.map(() => null);
  return feeds.map(file === 'cohort' ? cohortBuilder : reoffenceBuilder);
}

/** Takes the reoffences' person ids out of their builders (they are not written as a column). */
export function takePersonIds(feeds: readonly FeedColumn[], builders: (ColumnBuilder | null)[]): PersonIdBuilder {
  const k = feeds.findIndex((f) => f.column === 'person_id');
  const builder = builders[k];
  if (!(builder instanceof PersonIdBuilder)) throw new Error('the reoffences have no person_id builder');
  builders[k] = null;
  return builder;
}

/**
 * The cohort table's rowid of each record, in record_id order: the browse grid's sort by record_id pages through it
 * (db/browse/browseTable.ts). Named as no extra column can be (importPlan's reserved names).
 */
export const COHORT_ROWID_COLUMN = 'rowid';

/**
 * The order that puts the cohort's rows in record_id byte order, sorted in memory (byteOrderRows: the same time for
 * a file in any order), written as COHORT_ROWID_COLUMN. The cohort table holds the file's rows in file order, rowid
 * 1..n, as a fresh table's inserts number them.
 */
export function cohortOrder(db: Db, feeds: readonly FeedColumn[], builders: readonly (ColumnBuilder | null)[]): RowOrder {
  const builder = builders[feeds.findIndex((f) => f.column === 'record_id')];
  if (!(builder instanceof TextBuilder)) throw new Error('the cohort has no record_id builder');
  const rows = byteOrderRows(builder.values);
  const rowids = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) rowids[k] = rows[k] + 1;
  writeExtractColumn(db, 'cohort', COHORT_ROWID_COLUMN, { type: 'int32', values: rowids });
  return rowOrder(rows);
}

/**
 * Writes a file's collected columns in `order` (cohortOrder's for the cohort, null for the reoffences' file order),
 * one at a time so that only one finished column is held at once, and lets go of each builder once its column is
 * written.
 */
export function writeExtractColumns(
  db: Db,
  file: ColumnFile,
  feeds: readonly FeedColumn[],
  builders: (ColumnBuilder | null)[],
  order: RowOrder,
  /** Called before each column: a job's cancel point. */
  cancelPoint: () => void = () => undefined,
): void {
  feeds.forEach((feed, k) => {
    const builder = builders[k];
    if (!builder) return;
    cancelPoint();
    writeExtractColumn(db, file, feed.column, builder.finish(order));
    // Released once written: the import's transaction goes on to the cohort step, which reads the
    // columns back, and at 1M records the collected columns would still hold about 270 MB.
    builders[k] = null;
  });
}
