// Test helpers that look for person-level plaintext where the app must leave none: the files of a
// folder, and the files a running process holds open in the temp folder (SQLite unlinks its temp
// files as soon as it opens them, so only /proc/<pid>/fd still sees them).
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PlaintextFinding {
  where: string;
  needle: string;
}

/** Counts the needles' bytes found in a buffer (each needle once per place). */
export function findNeedles(data: Buffer, where: string, needles: readonly string[], found: PlaintextFinding[]): void {
  for (const needle of needles) if (data.includes(needle)) found.push({ where, needle });
}

/** Every regular file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isDirectory()) out.push(...filesUnder(path));
    else if (st?.isFile()) out.push(path);
  }
  return out;
}

/**
 * Polls a process's open files every few milliseconds and reads any that lies in `folder`
 * (deleted or not) for the needles. Returns a stop function giving what was seen.
 */
/** tsx's compile cache (`tsx-<uid>/`): the app's own code, compiled; read for needles, not counted as data. */
export const isCompileCache = (path: string) => /[\\/]tsx-\d+([\\/]|$)/.test(path);

export function watchOpenFiles(pid: number, folder: string, needles: readonly string[]): () => { filesSeen: string[]; bytesRead: number; found: PlaintextFinding[] } {
  const seen = new Set<string>();
  const found: PlaintextFinding[] = [];
  let bytesRead = 0;
  const poll = () => {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      return;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (!target.startsWith(folder)) continue;
        if (!isCompileCache(target)) seen.add(target);
        const data = readFileSync(`/proc/${pid}/fd/${fd}`);
        bytesRead += data.length;
        findNeedles(data, target, needles, found);
      } catch {
        // The file was closed between the listing and the read.
      }
    }
  };
  const timer = setInterval(poll, 5);
  return () => {
    clearInterval(timer);
    poll();
    return { filesSeen: [...seen], bytesRead, found };
  };
}
