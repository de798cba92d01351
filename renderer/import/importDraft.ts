// The analyst's import choices (paths, sheets, previews, mappings, column types, extract date, the last import job),
// kept in the store like the analysis set-up, so that neither a failed import, a visit to another section nor a
// reload loses them. Checked when read back: it may come from another version of Matchlab.
import { z } from 'zod';
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

export const EMPTY_IMPORT_DRAFT: ImportDraft = {
  files: { cohort: emptyFile(), reoffences: emptyFile(), participants: emptyFile() },
  typeOverrides: {},
  extractDate: '',
  jobId: null,
};

/** Every change is a function of the draft before it (the file cards update their own file). */
export type ImportDraftAction = { type: 'update'; change: (draft: ImportDraft) => ImportDraft };

export function importDraftReducer(d: ImportDraft, a: ImportDraftAction): ImportDraft {
  return a.change(d);
}

const VERSION = 1;
const mapping = z.object({ columns: z.record(z.string(), z.string()), dateFormat: z.enum(['iso', 'dmy']) });
const preview = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  lines: z.array(z.number()),
  suggested: mapping,
  unmatchedRequired: z.array(z.string()),
  sheets: z.array(z.string()),
});
const fileDraft = z.object({
  path: z.string(),
  // JSON has no undefined: a file without a sheet is saved with none.
  sheet: z.string().nullish().transform((s) => s ?? undefined),
  preview: preview.nullable(),
  previewedPath: z.string().nullable(),
  mapping: mapping.nullable(),
});
const savedImportDraft = z.object({
  version: z.literal(VERSION),
  draft: z.object({
    files: z.object({ cohort: fileDraft, reoffences: fileDraft, participants: fileDraft }),
    typeOverrides: z.record(z.string(), z.enum(['numeric', 'categorical'])),
    extractDate: z.string(),
    jobId: z.string().nullable(),
  }),
});

export function readImportDraft(saved: unknown): ImportDraft | null {
  const parsed = savedImportDraft.safeParse(saved);
  return parsed.success ? parsed.data.draft : null;
}

export function writeImportDraft(draft: ImportDraft): unknown {
  return { version: VERSION, draft };
}
