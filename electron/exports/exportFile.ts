// Writes an export file so that it is either wholly there or not there at all, and only where
// the analyst said: an absolute path, never through a symbolic link, never over an existing file
// unless asked. The content goes to a temporary file with a unique name beside the target
// (created exclusively, so nothing planted there is followed), is flushed to disk (a full disk
// fails here, not later), and is then moved into place inside `publish`, where the caller writes
// its audit entry: the file appears only together with its audit entry.
import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, renameSync, rmSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';

export type ExportRefusal = 'exists' | 'not_a_file' | 'relative_path' | 'export_failed';

export class ExportError extends Error {
  constructor(
    readonly code: ExportRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

export type ExportChunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

export interface ExportFileOptions {
  /** Replace an existing regular file at the target (the analyst was asked); false refuses with `exists`. */
  overwrite: boolean;
  /**
   * Called with the move into place once the content is safely on disk: the caller runs it inside
   * its audit transaction, so a failed audit leaves no file and a failed move leaves no entry.
   */
  publish?: (moveIntoPlace: () => void) => void;
  /** Opens the temporary file (tests inject a disk that fills up). */
  openTemp?: (path: string) => Promise<Pick<FileHandle, 'write' | 'sync' | 'close'>>;
}

const openExclusive = (path: string) => open(path, 'wx', 0o600);

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Refuses what the export must not touch; the target's current state otherwise. */
export function checkExportTarget(target: string, overwrite: boolean): void {
  if (!isAbsolute(target)) throw new ExportError('relative_path', `Give the export's full path, not ${JSON.stringify(target)}`);
  const st = lstatOrNull(target);
  if (!st) return;
  if (st.isSymbolicLink()) throw new ExportError('not_a_file', `${target} is a symbolic link: Matchlab does not write through links. Choose another name`);
  if (!st.isFile()) throw new ExportError('not_a_file', `${target} exists and is not a regular file. Choose another name`);
  if (!overwrite) throw new ExportError('exists', `${target} already exists: choose another name, or confirm that it should be replaced`);
}

function moveIntoPlace(temp: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    // rename() replaces the name itself: a link planted meanwhile is replaced, never followed.
    renameSync(temp, target);
    return;
  }
  try {
    // link() fails if the target appeared since the check: no silent overwrite in a race.
    linkSync(temp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ExportError('exists', `${target} already exists: choose another name, or confirm that it should be replaced`);
    // File systems without hard links (FAT, exFAT on a USB stick): check again and rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    checkExportTarget(target, false);
    renameSync(temp, target);
    return;
  }
  rmSync(temp, { force: true });
}

export async function writeExportFile(target: string, chunks: ExportChunks, options: ExportFileOptions): Promise<void> {
  checkExportTarget(target, options.overwrite);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  let published = false;
  try {
    const file = await (options.openTemp ?? openExclusive)(temp);
    try {
      for await (const chunk of chunks) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        // write() may take less than it is given (a disk filling up): go on until all of it is written.
        for (let at = 0; at < bytes.length; ) at += (await file.write(bytes, at, bytes.length - at)).bytesWritten;
      }
      await file.sync();
    } finally {
      await file.close();
    }
    checkExportTarget(target, options.overwrite);
    const move = () => {
      moveIntoPlace(temp, target, options.overwrite);
      published = true;
    };
    if (options.publish) options.publish(move);
    else move();
  } catch (err) {
    rmSync(temp, { force: true });
    // The move happened but what was to go with it (the audit's commit) failed: take the file back.
    if (published) rmSync(target, { force: true });
    if (err instanceof ExportError) throw err;
    throw new ExportError('export_failed', `Could not write ${target}: ${(err as Error).message}`);
  }
}
