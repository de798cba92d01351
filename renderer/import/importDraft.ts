// The analyst's import choices (paths, sheets, mappings, column types, extract date). Kept outside the screen
// so that neither a failed import nor a visit to another section loses them.
import type { ColumnMappingArg, FileKind, FilePreview } from '../../shared/api';
import type { TypeOverrides } from './extraColumns';

export interface FileDraft {
  path: string;
  sheet: string | undefined;
  /** The preview of `previewedPath`; the mapping refers to its headers. */
  preview: FilePreview | null;
  previewedPath: string | null;
  mapping: ColumnMappingArg | null;
}

export interface ImportDraft {
  files: Record<FileKind, FileDraft>;
  /**
   * Types set by hand for the cohort file's extra columns. Kept even for a column that is mapped
   * to a role or missing from a re-chosen file (only the current extras' are sent), so a choice
   * comes back with its column.
   */
  typeOverrides: TypeOverrides;
  /** YYYY-MM-DD, or '' for the default (the latest disposal date). */
  extractDate: string;
  /** The last import job started from this screen. */
  jobId: string | null;
}

const emptyFile = (): FileDraft => ({ path: '', sheet: undefined, preview: null, previewedPath: null, mapping: null });

let kept: ImportDraft | null = null;

export function loadDraft(): ImportDraft {
  return kept ?? { files: { cohort: emptyFile(), reoffences: emptyFile(), participants: emptyFile() }, typeOverrides: {}, extractDate: '', jobId: null };
}

export function keepDraft(draft: ImportDraft): void {
  kept = draft;
}
