// Checks that span a row's values or several rows: duplicates, date order.
import type { FeedColumn, RowCheck, StoredValue } from './loadRows';
import { feedIndex } from './fileFeeds';
import type { FileKind, ProblemLog } from './importProblems';
import { TextCodes } from '../../shared/extract/textCodes';

interface CheckContext {
  kind: FileKind;
  file: string;
  problems: ProblemLog;
}

function laterThan(values: StoredValue[], base: number, early: number, late: number): boolean {
  return early >= 0 && late >= 0 && values[base + late] !== null && values[base + early] !== null &&
    (values[base + late] as number) < (values[base + early] as number);
}

/** A key column that must not repeat: reports each repeat with the row of its first occurrence. */
function uniqueKeyCheck(ctx: CheckContext, column: string): (key: string, row: number, line: number) => boolean {
  const keys = new TextCodes();
  // By key code: the row where the key first came.
  const firstRows: number[] = [];
  return (key, row, line) => {
    const code = keys.codeOf(key);
    if (code === firstRows.length) {
      firstRows.push(row);
      return true;
    }
    ctx.problems.add({ kind: ctx.kind, file: ctx.file, row, line, column, value: key, message: `duplicate ${column} (first at row ${firstRows[code]})` });
    return false;
  };
}

export function cohortCheck(feeds: FeedColumn[], ctx: CheckContext): RowCheck {
  const iRecord = feedIndex(feeds, 'record_id');
  const iIndex = feedIndex(feeds, 'index_date');
  const iBirth = feedIndex(feeds, 'date_of_birth');
  const unique = uniqueKeyCheck(ctx, 'record_id');
  return (values, base, row, line) => {
    let ok = iRecord < 0 || unique(values[base + iRecord] as string, row, line);
    // Someone born after their own index event has an impossible age; the derivation needs age >= 0.
    if (laterThan(values, base, iBirth, iIndex)) {
      ctx.problems.add({ kind: ctx.kind, file: ctx.file, row, line, column: 'date_of_birth', value: null, message: 'date_of_birth is after index_date' });
      ok = false;
    }
    return ok;
  };
}

export interface ReoffenceTally {
  latestDisposal: number;
}

export function reoffencesCheck(feeds: FeedColumn[], ctx: CheckContext, tally: ReoffenceTally): RowCheck {
  const iOffence = feedIndex(feeds, 'offence_date');
  const iDisposal = feedIndex(feeds, 'disposal_date');
  return (values, base, row, line) => {
    if (iDisposal >= 0 && (values[base + iDisposal] as number) > tally.latestDisposal) tally.latestDisposal = values[base + iDisposal] as number;
    // An offence cannot be proven before it was committed.
    if (laterThan(values, base, iOffence, iDisposal)) {
      ctx.problems.add({ kind: ctx.kind, file: ctx.file, row, line, column: 'disposal_date', value: null, message: 'disposal_date is before offence_date' });
      return false;
    }
    return true;
  };
}

/** Participants keep their file order in `row_no`, the computed column after the feeds. */
export function participantsCheck(feeds: FeedColumn[], ctx: CheckContext): RowCheck {
  const iRef = feedIndex(feeds, 'participant_ref');
  const iStart = feedIndex(feeds, 'start_date');
  const iEnd = feedIndex(feeds, 'end_date');
  const rowNo = feeds.length;
  // DATA-FORMAT.md: participant_ref is the organisation's own *unique* reference.
  const unique = uniqueKeyCheck(ctx, 'participant_ref');
  return (values, base, row, line) => {
    values[base + rowNo] = row;
    let ok = iRef < 0 || unique(values[base + iRef] as string, row, line);
    if (laterThan(values, base, iStart, iEnd)) {
      ctx.problems.add({ kind: ctx.kind, file: ctx.file, row, line, column: 'end_date', value: null, message: 'end_date is before start_date' });
      ok = false;
    }
    return ok;
  };
}
