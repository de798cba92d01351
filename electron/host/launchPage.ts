// Opens the app's address in the analyst's browser without putting its launch code in any
// process's arguments (where `ps` shows it to every local user): the opener and the browser are
// given a small page in a private folder (readable by the analyst only) that forwards to the
// address. The page is removed once its code has been used, or when the host stops.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LaunchPage {
  path: string;
  remove(): void;
}

export function writeLaunchPage(url: string): LaunchPage {
  // mkdtemp makes the folder 0700; the page itself is 0600.
  const dir = mkdtempSync(join(tmpdir(), 'matchlab-launch-'));
  const path = join(dir, 'open-matchlab.html');
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  writeFileSync(
    path,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
      `<meta http-equiv="refresh" content="0; url=${escaped}"><title>Opening Matchlab</title>` +
      `<p>Opening Matchlab… <a href="${escaped}">continue</a></p>\n`,
    { mode: 0o600 },
  );
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a file in the desktop's default browser; failures are silent (the address is also printed). */
export function openInDesktopBrowser(file: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [file], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}
