// Only regular files are read. A FIFO (or a device) would block the thread that opens it until
// something writes to it: a preview of one used to hold Node's I/O threads, so that static files
// and exports hung, and its import could not be cancelled. The path is checked before anything
// opens it, and the file actually opened is checked again (opened without blocking, in case the
// name was swapped for a FIFO meanwhile).
import { closeSync, constants, fstatSync, openSync, statSync } from 'node:fs';
import { ReadError } from './importProblems';

function refusal(kind: string): ReadError {
  return new ReadError(`is not a regular file (it is ${kind}): choose the CSV or XLSX file itself`);
}

function kindOf(st: import('node:fs').Stats): string | null {
  if (st.isFile()) return null;
  if (st.isFIFO()) return 'a named pipe';
  if (st.isDirectory()) return 'a folder';
  if (st.isSocket()) return 'a socket';
  return 'a device';
}

/** Throws ReadError unless the path names a regular file (symbolic links followed). */
export function assertRegularFile(path: string): void {
  const kind = kindOf(statSync(path));
  if (kind) throw refusal(kind);
}

/** Opens a regular file for reading without ever blocking on a FIFO; the caller closes the descriptor. */
export function openRegularFile(path: string): number {
  assertRegularFile(path);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const kind = kindOf(fstatSync(fd));
  if (kind) {
    closeSync(fd);
    throw refusal(kind);
  }
  return fd;
}
