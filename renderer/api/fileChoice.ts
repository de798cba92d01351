// Choosing files: with the system's dialogs in the desktop app, else with the app's own picker
// (the browser host cannot open the system's dialogs for paths on this machine).
import type { DialogRequest, NativeDialogs } from '../../shared/api';

type Filters = NonNullable<DialogRequest['filters']>;

const EXPORT_KINDS: Record<string, { name: string }> = {
  pdf: { name: 'PDF report' },
  html: { name: 'HTML report' },
  xlsx: { name: 'Excel annex' },
  csv: { name: 'CSV file' },
};

export const IMPORT_FILTERS: Filters = [
  { name: 'CSV, text or Excel', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
  { name: 'All files', extensions: ['*'] },
];
export const STORE_FILTERS: Filters = [{ name: 'Matchlab store', extensions: ['mlstore'] }];

/** The save dialog's file type for a path, from its extension. */
export function exportFilters(path: string): Filters {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const kind = EXPORT_KINDS[ext];
  return kind ? [{ name: kind.name, extensions: [ext] }] : [];
}

/**
 * Where an export goes, and whether it may replace a file there: the system's save dialog asks
 * before replacing, so its answer may; a typed path (browser host) may not, and the service then
 * answers `exists` for a file already there. Null when the analyst cancels the dialog.
 */
export async function chooseExportTarget(dialogs: NativeDialogs | null, title: string, path: string): Promise<{ path: string; overwrite: boolean } | null> {
  if (!dialogs) return { path, overwrite: false };
  const chosen = await dialogs.saveFile({ title, defaultPath: path, filters: exportFilters(path) });
  return chosen === null ? null : { path: chosen, overwrite: true };
}
