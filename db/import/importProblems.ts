// What a failed import tells the analyst: located problems, the first 100 kept, all counted.
import type { FileKind } from '../../shared/extract/extractRoles';
import type { ImportProblem } from '../../shared/extract/importedFile';

export type { FileKind, ImportProblem };

export const MAX_LISTED_PROBLEMS = 100;

/** Keeps the first MAX_LISTED_PROBLEMS problems in file order and counts every one. */
export class ProblemLog {
  readonly listed: ImportProblem[] = [];
  total = 0;

  add(problem: ImportProblem): void {
    this.total++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
  }

  /** Appends another log's problems (one kept by a worker thread), as if they had been added here. */
  append(other: { listed: ImportProblem[]; total: number }): void {
    const room = MAX_LISTED_PROBLEMS - this.listed.length;
    if (room > 0) this.listed.push(...other.listed.slice(0, room));
    this.total += other.total;
  }
}

/** Thrown by importExtract when the files break a rule of DATA-FORMAT.md section 6; nothing was stored. */
export class ImportError extends Error {
  constructor(
    readonly problems: ImportProblem[],
    readonly total: number,
  ) {
    const first = problems[0];
    super(`${total} problem${total === 1 ? '' : 's'} in the extract; first: ${first ? describeProblem(first) : 'unknown'}`);
    this.name = 'ImportError';
  }
}

/** A file that cannot be read at all (not UTF-8, binary, broken quoting, broken XLSX). */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly row: number | null = null,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

/** Logs a file that cannot be read; anything but a ReadError is a bug and is rethrown. */
export function addReadProblem(problems: ProblemLog, kind: FileKind, file: string, err: unknown): void {
  if (!(err instanceof ReadError)) throw err;
  problems.add({ kind, file, row: err.row, line: err.line, column: null, value: null, message: err.message });
}

/** One line a person can act on: "cohort.csv row 12 (line 13), column index_date, value "2015-02-30": ...". */
export function describeProblem(p: ImportProblem): string {
  const where = [p.file];
  if (p.row !== null) where.push(`row ${p.row}`);
  if (p.line !== null) where.push(p.row !== null ? `(line ${p.line})` : `line ${p.line}`);
  if (p.column !== null) where.push(`column ${p.column}`);
  if (p.value !== null) where.push(`value ${JSON.stringify(p.value)}`);
  return `${where.join(' ')}: ${p.message}`;
}
