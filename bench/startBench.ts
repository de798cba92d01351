// Start-up benchmark (issue 10): the bundled code against the same code loaded through tsx.
// Run: npm run build && npx tsx bench/startBench.ts [runs]
// Targets (bundled, medians): browser host <= 0.5 s, CLI <= 0.5 s, a job worker <= 0.4 s.
//   host    node dist/node/host.mjs, from spawn to the JSON line with its URL (it then serves).
//   cli     `matchlab info` on a small store, from spawn to exit: start, open the encrypted store
//           (the key derivation alone is about 0.1-0.2 s), read it, print. `matchlab --help` too.
//   worker  a cohort-step job's worker thread, from `new Worker` to its first message: the thread
//           started, its code loaded, its own store connection opened, the job begun.
// The baseline of each is the same source run through tsx (as the app did before the bundle), in
// the same process, runs interleaved, so the ratio holds whatever the machine's load.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openStore } from '../db/store';
import type { JobWorkerData } from '../electron/jobs/jobProtocol';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 7);
const PASSPHRASE = 'bench passphrase';
const TSX = ['--import', 'tsx'];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Milliseconds from spawn until the child prints its first stdout line (then it is stopped), or until it exits. */
function timeChild(args: string[], until: 'first-line' | 'exit', env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    if (until === 'first-line') {
      createInterface({ input: child.stdout }).once('line', () => {
        const ms = performance.now() - started;
        child.once('exit', () => resolve(ms));
        child.kill('SIGTERM');
      });
    } else {
      child.stdout.resume();
    }
    child.once('exit', (code) => {
      if (until !== 'exit') return;
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
    });
    child.once('error', reject);
  });
}

function timeWorker(file: string, data: JobWorkerData, execArgv: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const worker = new Worker(file, { workerData: data, execArgv });
    worker.once('message', () => {
      const ms = performance.now() - started;
      void worker.terminate().then(() => resolve(ms));
    });
    worker.once('error', reject);
  });
}

interface Case {
  name: string;
  target: number;
  bundled: () => Promise<number>;
  baseline: () => Promise<number>;
}

async function main(): Promise<void> {
  for (const file of ['dist/node/host.mjs', 'dist/node/cli.mjs', 'dist/node/jobWorker.mjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'matchlab-start-bench-'));
  try {
    const store = join(dir, 'bench.mlstore');
    openStore(store, PASSPHRASE, { mode: 'create' }).close();
    const env = { ...process.env, MATCHLAB_PASSPHRASE: PASSPHRASE };
    const cliSource = ['--input-type=module', '--eval', `const { main } = await import('./electron/cli/main.ts'); process.exitCode = await main(process.argv.slice(1));`];
    const job: JobWorkerData = { kind: 'derive', storePath: store, passphrase: PASSPHRASE, payload: { settings: {} } };
    const cases: Case[] = [
      {
        name: 'browser host',
        target: 500,
        bundled: () => timeChild(['dist/node/host.mjs', '--data-dir', dir], 'first-line'),
        baseline: () => timeChild([...TSX, 'electron/host/hostMain.ts', '--data-dir', dir], 'first-line'),
      },
      {
        name: 'CLI `info`',
        target: 500,
        bundled: () => timeChild(['bin/matchlab.mjs', 'info', '--store', store], 'exit', env),
        baseline: () => timeChild([...TSX, ...cliSource, 'info', '--store', store], 'exit', env),
      },
      {
        name: 'CLI `--help`',
        target: 500,
        bundled: () => timeChild(['bin/matchlab.mjs', '--help'], 'exit'),
        baseline: () => timeChild([...TSX, ...cliSource, '--help'], 'exit'),
      },
      {
        name: 'job worker',
        target: 400,
        bundled: () => timeWorker(join(ROOT, 'dist/node/jobWorker.mjs'), job, []),
        baseline: () => timeWorker(join(ROOT, 'electron/jobs/jobWorker.mjs'), job, []),
      },
    ];
    console.log(`start-up, median of ${RUNS} runs each (bundled and tsx interleaved); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const c of cases) {
      const bundled: number[] = [];
      const baseline: number[] = [];
      await c.bundled(); // the first run of each warms the file cache
      await c.baseline();
      for (let i = 0; i < RUNS; i++) {
        bundled.push(await c.bundled());
        baseline.push(await c.baseline());
      }
      const b = median(bundled);
      const t = median(baseline);
      const verdict = b <= c.target ? 'within' : 'OVER';
      console.log(
        `${c.name.padEnd(14)} bundled ${b.toFixed(0).padStart(5)} ms (target ${c.target}: ${verdict})   through tsx ${t.toFixed(0).padStart(5)} ms   ratio ${(t / b).toFixed(1)}x   [bundled runs: ${bundled.map((v) => v.toFixed(0)).join(' ')}]`,
      );
    }
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
