// A folder's entries for the browser host's file picker. Names and sizes only: file contents
// are read by the import job, never sent to the renderer.
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { FolderListing } from '../../shared/api';
import { ApiError } from './apiError';

const IMPORTABLE = /\.(csv|tsv|txt|xlsx)$/i;

export function listFolder(dir: string | undefined): FolderListing {
  const full = resolve(dir ?? homedir());
  let names: string[];
  try {
    names = readdirSync(full);
  } catch {
    throw new ApiError('not_found', `Cannot read the folder ${full}`);
  }
  const entries: FolderListing['entries'] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    try {
      const st = statSync(join(full, name));
      if (st.isDirectory()) entries.push({ name, kind: 'dir', bytes: null });
      else if (st.isFile() && (IMPORTABLE.test(name) || name.endsWith('.mlstore'))) entries.push({ name, kind: 'file', bytes: st.size });
    } catch {
      // Unreadable entries (broken links, no permission) are simply not offered.
    }
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
  const parent = dirname(full);
  return { dir: full, parent: parent === full ? null : parent, entries };
}
