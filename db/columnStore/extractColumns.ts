// Which columns of the extract the column store keeps, and how: every cohort column (the cohort
// step and any analysis may use any of them) in record_id order, and the reoffences' columns the
// cohort step reads, in file order (their person_id as person numbers: db/import/extractPersons.ts). Participants are few and stay in their table.
import type { Db } from '../store';
import type { FeedColumn } from '../import/loadRows';
import { recordIdOrder } from '../extract/extractSchema';
import { CategoryBuilder, DayBuilder, EncodedTextBuilder, ExtraBuilder, NumberBuilder, PersonIdBuilder, rowOrder, TextBuilder, type ColumnBuilder } from './columnBuilders';
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
 * Writes a file's collected columns, one at a time so that only one finished column is held at
 * once, and lets go of each builder once its column is written. The cohort's rows are put in record_id byte order, whatever the order of the file: the
 * order comes from the cohort table's record_id index (createExtractIndexes must have run), which
 * costs the same for any order of the file, where sorting the ids here cost 0.5 s on a shuffled
 * 300,000-record file and nearly nothing on a sorted one.
 */
export function writeExtractColumns(
  db: Db,
  file: ColumnFile,
  feeds: readonly FeedColumn[],
  builders: (ColumnBuilder | null)[],
  /** Called before each column: a job's cancel point. */
  cancelPoint: () => void = () => undefined,
): void {
  const order = file === 'cohort' ? rowOrder(recordIdOrder(db)) : null;
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
