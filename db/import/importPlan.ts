// The import's plan: each file opened up to its header, its mapping resolved into feeds, and the
// problems that need no data row (missing columns, bad type overrides, reserved names, bad dates).
import { basename } from 'node:path';
import { resolveMapping, suggestMapping, type ColumnMapping, type ResolvedMapping } from './columnMapping';
import { DAY_1900_01_01, parseDay, todayDay } from './dayNumber';
import type { ColumnKind } from './extraColumnTyping';
import { extraFeeds, roleFeeds } from './fileFeeds';
import { addReadProblem, ProblemLog, type FileKind } from './importProblems';
import type { FeedColumn } from './loadRows';
import { openRowSource, type RowSource } from './rowSource';

export interface ImportFileInput {
  path: string;
  /** XLSX only: the sheet to read (default: the first). */
  sheet?: string;
  /** Default: suggestMapping of the file's header. */
  mapping?: ColumnMapping;
}

export interface ImportRequest {
  cohort: ImportFileInput;
  reoffences: ImportFileInput;
  participants: ImportFileInput;
  /** YYYY-MM-DD; default the latest disposal_date in reoffences (required when it has no rows). */
  extractDate?: string;
  /** YYYY-MM-DD; dates after it are refused. Default: the current UTC date. */
  today?: string;
  /** Extra cohort column name (case-insensitive) -> forced kind. */
  typeOverrides?: Record<string, ColumnKind>;
}

export const FILE_KINDS: FileKind[] = ['cohort', 'reoffences', 'participants'];

export interface PlannedFile {
  kind: FileKind;
  input: ImportFileInput;
  fileName: string;
  /** null when the file could not be opened (a problem says why). */
  source: RowSource | null;
  mapping: ColumnMapping;
  /** null when the file could not be opened. */
  resolved: ResolvedMapping | null;
  /** The columns read from the file, in source order. */
  feeds: FeedColumn[];
}

export interface ImportPlan {
  files: Record<FileKind, PlannedFile>;
  /** Problems found before reading any data row. */
  problems: ProblemLog;
  /** Last acceptable day of any date (today). */
  maxDay: number;
  givenExtractDay: number | null;
  bytesTotal: number;
}

// Names SQLite resolves to the rowid, which an extra column must not shadow (the column store keeps the cohort's
// rowids under the first: extractColumns.ts COHORT_ROWID_COLUMN).
const RESERVED_NAMES = new Set(['rowid', 'oid', '_rowid_']);

function parseGivenDate(name: string, text: string, maxDay: number): number {
  const day = parseDay(text, false);
  if (Number.isNaN(day) || day < DAY_1900_01_01 || day > maxDay) {
    throw new RangeError(`${name} must be a real YYYY-MM-DD date from 1900-01-01 to today, got ${JSON.stringify(text)}`);
  }
  return day;
}

async function openFile(kind: FileKind, input: ImportFileInput, problems: ProblemLog): Promise<Omit<PlannedFile, 'feeds'>> {
  const fileName = basename(input.path);
  let source: RowSource;
  try {
    source = await openRowSource(input.path, { sheet: input.sheet });
  } catch (err) {
    addReadProblem(problems, kind, fileName, err);
    return { kind, input, fileName, source: null, mapping: input.mapping ?? { columns: {}, dateFormat: 'iso' }, resolved: null };
  }
  const mapping = input.mapping ?? suggestMapping(source.headers, kind);
  const resolved = resolveMapping(source.headers, kind, mapping);
  for (const [column, message] of resolved.problems) {
    problems.add({ kind, file: fileName, row: null, line: source.headerLine, column, value: null, message });
  }
  return { kind, input, fileName, source, mapping, resolved };
}

/** Opens the three files; the caller closes their sources (closePlan) whatever happens next. */
export async function planImport(request: ImportRequest): Promise<ImportPlan> {
  const maxDay = todayDay(request.today);
  const givenExtractDay = request.extractDate === undefined ? null : parseGivenDate('the extract date', request.extractDate, maxDay);
  const problems = new ProblemLog();
  const overrides = new Map(Object.entries(request.typeOverrides ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const files = {} as Record<FileKind, PlannedFile>;
  for (const kind of FILE_KINDS) {
    const opened = await openFile(kind, request[kind], problems);
    const feeds = !opened.resolved ? [] : kind === 'cohort' ? [...roleFeeds(opened.resolved), ...extraFeeds(opened.resolved, overrides)] : roleFeeds(opened.resolved);
    files[kind] = { ...opened, feeds };
  }

  const cohort = files.cohort;
  const extras = cohort.resolved?.extras ?? [];
  for (const name of overrides.keys()) {
    if (!extras.some((e) => e.name.toLowerCase() === name)) {
      problems.add({ kind: 'cohort', file: cohort.fileName, row: null, line: null, column: name, value: null, message: `a type is set for "${name}", which is not an extra column of the cohort file` });
    }
  }
  for (const e of extras) {
    if (RESERVED_NAMES.has(e.name.toLowerCase())) {
      problems.add({ kind: 'cohort', file: cohort.fileName, row: null, line: null, column: e.name, value: null, message: `"${e.name}" is a reserved name: rename the column` });
    }
  }
  const bytesTotal = FILE_KINDS.reduce((s, k) => s + (files[k].source?.bytesTotal ?? 0), 0);
  return { files, problems, maxDay, givenExtractDay, bytesTotal };
}

export async function closePlan(plan: ImportPlan): Promise<void> {
  for (const kind of FILE_KINDS) await plan.files[kind].source?.close();
}
