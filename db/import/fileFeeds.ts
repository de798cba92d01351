// The feeds of a file: its mapped role columns (and, for the cohort, its extra columns) in source order.
import { ExtraColumnTyping, type ColumnKind } from './extraColumnTyping';
import type { ResolvedMapping } from './columnMapping';
import type { FeedColumn } from './loadRows';

/** A blank `pnd` means "not a PND" (0); other optional blanks are stored as NULL. */
const BLANK_AS_ZERO = new Set(['pnd']);

export function roleFeeds(resolved: ResolvedMapping): FeedColumn[] {
  return resolved.mapped.map((m) => ({
    sourceIndex: m.sourceIndex,
    column: m.target,
    rule: m.rule,
    required: m.required,
    blankValue: BLANK_AS_ZERO.has(m.target) ? 0 : null,
    extra: null,
  }));
}

export function extraFeeds(resolved: ResolvedMapping, overrides: Map<string, ColumnKind>): FeedColumn[] {
  return resolved.extras.map((e) => ({
    sourceIndex: e.sourceIndex,
    column: e.name,
    rule: null,
    required: false,
    blankValue: null,
    extra: new ExtraColumnTyping(e.name, overrides.get(e.name.toLowerCase())),
  }));
}

export function feedIndex(feeds: FeedColumn[], column: string): number {
  return feeds.findIndex((f) => f.column === column);
}
