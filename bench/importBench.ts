// Import benchmark (issue 3): 1M demo cohort records + their reoffences into a fresh encrypted
// store, against the sqlite3 shell's `.import` of the same CSVs into plain tables.
//   npx tsx bench/importBench.ts [--records 1000000] [--dir /tmp/matchlab-bench] [--reuse]
// Goal: ratio <= 3, never over 60 s, peak RSS < 1 GB.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemoExtract } from '../electron/cli/demoCommand';
import { importExtract } from '../db/import/importExtract';
import { openStore } from '../db/store';

const PASSPHRASE = 'benchmark passphrase';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

interface ChildResult {
  importMs: number;
  closeMs: number;
  rows: { cohort: number; reoffences: number; participants: number };
  peakRssMiB: number;
  /** CPU time of every thread of the import (user + system): on a shared machine it varies less than the wall time. */
  cpuMs: number;
}

/** Runs in a child process so that its peak RSS is the importer's alone (not the generator's). */
async function childImport(dir: string): Promise<void> {
  const store = join(dir, 'bench.mlstore');
  for (const f of [store, `${store}-wal`, `${store}-shm`]) rmSync(f, { force: true });
  const db = openStore(store, PASSPHRASE, { mode: 'create' });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await importExtract(db, {
    cohort: { path: join(dir, 'cohort.csv') },
    reoffences: { path: join(dir, 'reoffences.csv') },
    participants: { path: join(dir, 'participants.csv') },
  });
  const importMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const t1 = performance.now();
  db.close(); // includes checkpointing the WAL into the store file
  const closeMs = performance.now() - t1;
  const result: ChildResult = {
    importMs,
    closeMs,
    rows: { cohort: summary.files.cohort.rows, reoffences: summary.files.reoffences.rows, participants: summary.files.participants.rows },
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  process.stdout.write(JSON.stringify(result));
}

function runChild(dir: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child-import', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new Error(`import child exited with ${code}`))));
  });
}

function sqliteShellImport(dir: string): number {
  const plain = join(dir, 'plain.sqlite');
  rmSync(plain, { force: true });
  const script = ['.mode csv', ...['cohort', 'reoffences', 'participants'].map((t) => `.import ${join(dir, `${t}.csv`)} ${t}`)].join('\n');
  const t0 = performance.now();
  const r = spawnSync('sqlite3', [plain], { input: script, stdio: ['pipe', 'inherit', 'inherit'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error('sqlite3 .import failed (is Debian\'s sqlite3 installed?)');
  rmSync(plain, { force: true });
  return ms;
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child-import');
  if (childAt >= 0) return childImport(process.argv[childAt + 1]);
  const records = Number(arg('records', '1000000'));
  const dir = arg('dir', '/tmp/matchlab-bench');
  if (!(process.argv.includes('--reuse') && existsSync(join(dir, 'cohort.csv')))) {
    const t0 = performance.now();
    const demo = await writeDemoExtract(dir, { records, participants: 200, seed: 1 });
    console.error(`generated ${demo.records} records, ${demo.reoffences} reoffences in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const ours = await runChild(dir);
  const shellMs = sqliteShellImport(dir);
  const rows = ours.rows.cohort + ours.rows.reoffences + ours.rows.participants;
  console.log(JSON.stringify({
    rows: ours.rows,
    importSeconds: +(ours.importMs / 1000).toFixed(2),
    closeSeconds: +(ours.closeMs / 1000).toFixed(2),
    cpuSeconds: +(ours.cpuMs / 1000).toFixed(2),
    rowsPerSecond: Math.round(rows / (ours.importMs / 1000)),
    peakRssMiB: Math.round(ours.peakRssMiB),
    sqlite3ImportSeconds: +(shellMs / 1000).toFixed(2),
    ratio: +(ours.importMs / shellMs).toFixed(2),
    goals: { ratioAtMost3: ours.importMs / shellMs <= 3, under60s: ours.importMs < 60_000, under1GiB: ours.peakRssMiB < 1024 },
  }, null, 2));
}

await main();
