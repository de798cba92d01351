// Starts the real browser host (service, workers, encrypted store) as a child process, the way
// `npm start -- --browser` does, for one test file: the bundled host (dist/node/host.mjs), which
// the global setup (e2e/buildOnce.ts) has brought up to date.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface AppHost {
  /** The first address the host printed: its launch code signs in one tab, once. */
  url: string;
  /** Another one-time address (what pressing Enter in the host's terminal prints). */
  launchUrl(): Promise<string>;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startAppHost(options: { env?: NodeJS.ProcessEnv; dataDir?: string } = {}): Promise<AppHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'matchlab-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/node/host.mjs', '--data-dir', dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: options.env ?? process.env,
  });
  const lines = createInterface({ input: child.stdout! });
  const nextLine = () =>
    new Promise<string>((ok, fail) => {
      const onExit = (code: number | null) => fail(new Error(`host exited with ${code}`));
      child.once('exit', onExit);
      lines.once('line', (line) => {
        child.off('exit', onExit);
        ok(line);
      });
    });
  const { url } = JSON.parse(await nextLine()) as { url: string };
  return {
    url,
    dataDir,
    async launchUrl() {
      const next = nextLine();
      child.stdin!.write('\n');
      return (JSON.parse(await next) as { url: string }).url;
    },
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}
