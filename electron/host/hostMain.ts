// `npm start -- --browser` (or where Electron cannot run): the service behind the browser host.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { createService } from '../service/service';
import { startBrowserHost } from './browserHost';
import { defaultStaticDir } from './staticDir';

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
const host = await startBrowserHost({
  service,
  staticDir: values['static-dir'] ?? defaultStaticDir(import.meta.url),
  port: Number(values.port),
});
// One JSON line on stdout, so scripts and tests can pick the URL up.
process.stdout.write(JSON.stringify({ url: host.url, port: host.port, dataDir }) + '\n');
process.stderr.write(`Matchlab is running at ${host.url}\n(only this machine can reach it; press Ctrl+C to stop)\n`);
if (values.open) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [host.url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

async function shutdown(): Promise<void> {
  await host.close();
  await service.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
