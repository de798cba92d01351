// Start-up benchmark (issue 10): the bundled code against the same code loaded through tsx.
// Run: npm run build && npx tsx bench/startBench.ts [runs]
// Targets (bundled, medians): browser host <= 0.5 s, CLI <= 0.5 s, a job worker <= 0.4 s.
//   host    node dist/node/host.mjs, from spawn to the JSON line with its URL (it then serves).
//   cli     `matchlab info` on a small store, from spawn to exit: start, open the encrypted store
//           (the key derivation alone is about 0.1-0.2 s), read it, print. `matchlab --help` too.
//   worker  a cohort-step job's worker thread, from `new Worker` to its first message: the thread
//           started, its code loaded, its own store connection opened, the job begun.
// Each is given as wall time (the target) and CPU time (all threads): on a shared, loaded machine
// the wall time includes waiting for a core, and the CPU time is close to a quiet machine's wall time.
// The baseline of each is the same source run through tsx (as the app did before the bundle), in
// the same process, runs interleaved, so the ratio holds whatever the machine's load.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openStore, storeKey } from '../db/store';
import type { JobWorkerData } from '../electron/jobs/jobProtocol';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 7);
const PASSPHRASE = 'bench passphrase';
const TSX = ['--import', 'tsx'];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Wall and CPU milliseconds: on a busy machine the wall time waits for a core; the CPU time (all threads) does not. */
interface Timing {
  wall: number;
  cpu: number;
}

const CLOCK_TICK_MS = 10; // Linux's USER_HZ is 100
/** User + system CPU time of a running process, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

/**
 * Spawn until the child prints its first stdout line (then it is stopped), or until it exits.
 * An exiting child runs under bash, whose `times` then gives the CPU time of its children.
 */
function timeChild(args: string[], until: 'first-line' | 'exit', env: NodeJS.ProcessEnv = process.env): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child =
      until === 'exit'
        ? spawn('bash', ['-c', '"$@" >/dev/null && times >&2', 'bench', process.execPath, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
        : spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    if (until === 'first-line') {
      createInterface({ input: child.stdout }).once('line', () => {
        const timing = { wall: performance.now() - started, cpu: processCpuMs(child.pid!) };
        child.once('exit', () => resolve(timing));
        child.kill('SIGTERM');
      });
    }
    child.once('exit', (code) => {
      if (until !== 'exit') return;
      const wall = performance.now() - started;
      // `times` prints the shell's own user/system times, then its children's: "0m0.412s 0m0.050s".
      const children = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(stderr.trim());
      if (code !== 0 || !children) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ wall, cpu: (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000 });
    });
    child.once('error', reject);
  });
}

/** The main thread only waits meanwhile, so the process's CPU time is the worker's (and the GC's). */
function timeWorker(file: string, data: JobWorkerData): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const worker = new Worker(file, { workerData: data });
    worker.once('message', () => {
      const wall = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      void worker.terminate().then(() => resolve({ wall, cpu: (cpu.user + cpu.system) / 1000 }));
    });
    worker.once('error', reject);
  });
}

interface Case {
  name: string;
  target: number;
  bundled: () => Promise<Timing>;
  baseline: () => Promise<Timing>;
}

async function main(): Promise<void> {
  for (const file of ['dist/node/host.mjs', 'dist/node/cli.mjs', 'dist/node/jobWorker.mjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'matchlab-start-bench-'));
  try {
    const store = join(dir, 'bench.mlstore');
    // The job opens the store with the key the service kept for it (db/storeKey.ts), as in the app.
    const created = openStore(store, PASSPHRASE, { mode: 'create' });
    const key = storeKey(created);
    created.close();
    const env = { ...process.env, MATCHLAB_PASSPHRASE: PASSPHRASE };
    const cliSource = ['--input-type=module', '--eval', `const { main } = await import('./electron/cli/main.ts'); process.exitCode = await main(process.argv.slice(1));`];
    const job: JobWorkerData = { kind: 'derive', storePath: store, storeKey: key, payload: { settings: {} }, cancelFlag: new SharedArrayBuffer(4) };
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
        bundled: () => timeWorker(join(ROOT, 'dist/node/jobWorker.mjs'), job),
        baseline: () => timeWorker(join(ROOT, 'electron/jobs/jobWorker.mjs'), job),
      },
    ];
    console.log(`start-up, median of ${RUNS} runs each (bundled and tsx interleaved); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const c of cases) {
      const bundled: Timing[] = [];
      const baseline: Timing[] = [];
      await c.bundled(); // the first run of each warms the file cache
      await c.baseline();
      for (let i = 0; i < RUNS; i++) {
        bundled.push(await c.bundled());
        baseline.push(await c.baseline());
      }
      const b = median(bundled.map((t) => t.wall));
      const t = median(baseline.map((t) => t.wall));
      const bCpu = median(bundled.map((t) => t.cpu));
      const tCpu = median(baseline.map((t) => t.cpu));
      console.log(
        `${c.name.padEnd(14)} bundled ${b.toFixed(0).padStart(5)} ms wall, ${bCpu.toFixed(0).padStart(4)} ms CPU (target ${c.target}: ${b <= c.target ? 'within' : 'OVER'})` +
          `   through tsx ${t.toFixed(0).padStart(5)} ms wall, ${tCpu.toFixed(0).padStart(4)} ms CPU   ratio ${(t / b).toFixed(1)}x wall, ${(tCpu / bCpu).toFixed(1)}x CPU`,
      );
    }
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
