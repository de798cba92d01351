// Starts the real browser host (service, workers, encrypted store) as a child process, the way
// `npm start -- --browser` does, for one test file: the bundled host (dist/node/host.mjs), which
// the global setup (e2e/buildOnce.ts) has brought up to date.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface AppHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startAppHost(): Promise<AppHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'matchlab-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/node/host.mjs', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((ok, fail) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', ok);
    child.once('exit', (code) => fail(new Error(`host exited with ${code}`)));
  });
  const { url } = JSON.parse(firstLine) as { url: string };
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}
