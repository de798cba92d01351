// What the store keeps about each imported file, and what a failed import reports: types shared by
// the importer, the api and the screens.
import type { FileKind } from './extractRoles';

/** One imported file: where it came from and what it held. */
export interface ImportedFileInfo {
  kind: FileKind;
  fileName: string;
  sheet: string | null;
  sha256: string;
  bytes: number;
  rows: number;
  /** Rows whose person_id is not in the cohort (always 0 for the cohort). */
  unknownPersonRows: number;
  unknownPersons: number;
}

/** A located problem of a failed import (DATA-FORMAT.md section 6). */
export interface ImportProblem {
  /** Which of the three files, and its base name as the analyst knows it. */
  kind: FileKind;
  file: string;
  /** 1-based data row (the first row after the header is 1); null for a file-level problem. */
  row: number | null;
  /** 1-based line in the file (CSV) or sheet row number (XLSX); null when unknown. */
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** A cohort column as the import stored it. */
export interface CohortColumnInfo {
  name: string;
  kind: 'numeric' | 'categorical';
  /** Role name, 'prev' / 'oasys' for those families, null for an extra column. */
  role: string | null;
  source: string;
}

/** What an import (and the demo, which imports) returns: the import job's result. */
export interface ImportSummary {
  extractDate: string;
  extractDateSource: 'given' | 'latest_disposal';
  importedAt: string;
  files: Record<FileKind, ImportedFileInfo>;
  cohortColumns: CohortColumnInfo[];
  durationMs: number;
}
