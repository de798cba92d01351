// `npm start -- --browser` (or where Electron cannot run): the service behind the browser host.
// Each line read on standard input (Enter, in a terminal) prints a new one-time address, for
// another tab or after the first one was closed; with --open it is opened too.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createService } from '../service/service';
import { startBrowserHost } from './browserHost';
import { defaultStaticDir } from './staticDir';
import { openInDesktopBrowser, writeLaunchPage, type LaunchPage } from './launchPage';

/** A stop that takes longer than this (a job that will not end) exits anyway: SQLite rolls its work back on the next open. */
const SHUTDOWN_DEADLINE_MS = 8_000;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    'static-dir': { type: 'string' },
    open: { type: 'boolean', default: false },
  },
});

const dataDir = values['data-dir'] ?? process.env.MATCHLAB_DATA_DIR ?? join(homedir(), 'Matchlab');
const service = createService({ dataDir });
const launchPages = new Map<string, LaunchPage>();
const host = await startBrowserHost({
  service,
  staticDir: values['static-dir'] ?? defaultStaticDir(import.meta.url),
  port: Number(values.port),
  onLaunchCodeUsed: (code) => {
    launchPages.get(code)?.remove();
    launchPages.delete(code);
  },
});

function announce(first: boolean): void {
  const url = host.launchUrl();
  // One JSON line on stdout per address, so scripts and tests can pick it up.
  process.stdout.write(JSON.stringify(first ? { url, port: host.port, dataDir } : { url }) + '\n');
  process.stderr.write(
    first
      ? `Matchlab is running at ${url}\n(only this machine can reach it; the address works once: press Enter for another; Ctrl+C stops Matchlab)\n`
      : `A new address: ${url}\n`,
  );
  if (values.open) {
    const page = writeLaunchPage(url);
    launchPages.set(url.slice(url.indexOf('#launch=') + '#launch='.length), page);
    openInDesktopBrowser(page.path);
  }
}

announce(true);
createInterface({ input: process.stdin }).on('line', () => announce(false)).on('close', () => undefined);

let stopping = false;
async function shutdown(): Promise<void> {
  // A second Ctrl+C or SIGTERM does not wait.
  if (stopping) process.exit(1);
  stopping = true;
  setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
  for (const page of launchPages.values()) page.remove();
  await host.close();
  await service.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
