// Import benchmark (issues 3 and 9): the import job's work (the three files into a fresh encrypted
// store, then the cohort step) on a demo extract whose rows are shuffled, ascending or descending,
// against the sqlite3 shell's `.import` of the same CSVs into plain tables, measured in the same run.
//   npx tsx bench/importBench.ts [--records 1000000] [--runs 3] [--orders shuffled,ascending,descending] [--dir /tmp/matchlab-bench]
// Goals: ratio <= 3 and peak RSS < 1 GB in every order; no order more than 20% slower than another.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importExtract } from '../db/import/importExtract';
import { deriveCohort } from '../db/cohort/deriveCohort';
import { openStore } from '../db/store';
import { arg, benchExtracts, loadAverage, median, ROW_ORDERS, type BenchFiles, type RowOrder } from './benchExtract';

const PASSPHRASE = 'benchmark passphrase';

interface ChildResult {
  importMs: number;
  cohortStepMs: number;
  /** CPU time of the import and the cohort step, every thread of the process (the machine is shared: wall time waits for a core). */
  cpuMs: number;
  closeMs: number;
  rows: { cohort: number; reoffences: number; participants: number };
  peakRssMiB: number;
  storeMiB: number;
  columnStoreMiB: number;
}

/** Runs in a child process so that its peak RSS is the import's alone (not the generator's). */
async function childImport(filesJson: string, store: string): Promise<void> {
  const files = JSON.parse(filesJson) as BenchFiles;
  for (const f of [store, `${store}-wal`, `${store}-shm`, `${store}-journal`]) rmSync(f, { force: true });
  const db = openStore(store, PASSPHRASE, { mode: 'create' });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await importExtract(db, {
    cohort: { path: files.cohort },
    reoffences: { path: files.reoffences },
    participants: { path: files.participants },
  });
  const t1 = performance.now();
  deriveCohort(db);
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  const pages = (name: string) => db.prepare(`SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ?`).pluck().get(name) as number;
  const columnStoreBytes = pages('extract_columns') + pages('outcome_columns');
  const storeBytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  db.close(); // includes checkpointing the WAL into the store file
  const result: ChildResult = {
    importMs: t1 - t0,
    cohortStepMs: t2 - t1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    closeMs: performance.now() - t2,
    rows: { cohort: summary.files.cohort.rows, reoffences: summary.files.reoffences.rows, participants: summary.files.participants.rows },
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    storeMiB: storeBytes / 2 ** 20,
    columnStoreMiB: columnStoreBytes / 2 ** 20,
  };
  process.stdout.write(JSON.stringify(result));
}

function runChild(files: BenchFiles, store: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child-import', JSON.stringify(files), store], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new Error(`import child exited with ${code}`))));
  });
}

/** The sqlite3 shell's `.import`, wall and CPU time (through /usr/bin/time when the machine has it). */
function sqliteShellImport(files: BenchFiles, dir: string): { ms: number; cpuMs: number | null } {
  const plain = join(dir, 'plain.sqlite');
  rmSync(plain, { force: true });
  const script = ['.mode csv', ...(['cohort', 'reoffences', 'participants'] as const).map((t) => `.import ${files[t]} ${t}`)].join('\n');
  const timed = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', 'sqlite3', plain], { input: script, stdio: ['pipe', 'inherit', 'pipe'], encoding: 'utf8' })
    : spawnSync('sqlite3', [plain], { input: script, stdio: ['pipe', 'inherit', 'inherit'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error("sqlite3 .import failed (is Debian's sqlite3 installed?)");
  rmSync(plain, { force: true });
  const last = timed ? String(r.stderr).trim().split('\n').pop()!.split(' ').map(Number) : null;
  return { ms, cpuMs: last ? (last[0] + last[1]) * 1000 : null };
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child-import');
  if (childAt >= 0) return childImport(process.argv[childAt + 1], process.argv[childAt + 2]);
  const records = Number(arg('records', '1000000'));
  const runs = Number(arg('runs', '3'));
  const dir = arg('dir', '/tmp/matchlab-bench');
  const orders = arg('orders', ROW_ORDERS.join(',')).split(',') as RowOrder[];
  const extracts = await benchExtracts(dir, records, orders);
  const store = join(dir, 'bench.mlstore');
  const seconds = (ms: number) => +(ms / 1000).toFixed(2);
  const results: Record<string, unknown> = {};
  const totals: number[] = [];
  const ours = Object.fromEntries(orders.map((o) => [o, [] as ChildResult[]]));
  const shell = Object.fromEntries(orders.map((o) => [o, [] as number[]]));
  const shellCpu = Object.fromEntries(orders.map((o) => [o, [] as number[]]));
  const loads = Object.fromEntries(orders.map((o) => [o, [] as string[]]));
  // Round by round, each order then the shell's import of it: a change in the machine's load
  // touches every order and both sides alike (the orders are compared with each other).
  for (let r = 0; r < runs; r++) {
    for (const order of orders) {
      loads[order].push(loadAverage());
      ours[order].push(await runChild(extracts[order], store));
      const baselineRun = sqliteShellImport(extracts[order], dir);
      shell[order].push(baselineRun.ms);
      if (baselineRun.cpuMs !== null) shellCpu[order].push(baselineRun.cpuMs);
    }
  }
  for (const order of orders) {
    const mine = ours[order];
    const job = median(mine.map((o) => o.importMs + o.cohortStepMs));
    const baseline = median(shell[order]);
    const cpu = shellCpu[order];
    totals.push(job);
    results[order] = {
      rows: mine[0].rows,
      importPlusCohortStepSeconds: seconds(job),
      importSeconds: seconds(median(mine.map((o) => o.importMs))),
      cohortStepSeconds: seconds(median(mine.map((o) => o.cohortStepMs))),
      cpuSeconds: seconds(median(mine.map((o) => o.cpuMs))),
      closeSeconds: seconds(median(mine.map((o) => o.closeMs))),
      sqlite3ImportSeconds: seconds(baseline),
      ratio: +(job / baseline).toFixed(2),
      sqlite3ImportCpuSeconds: cpu.length ? seconds(median(cpu)) : null,
      cpuRatio: cpu.length ? +(median(mine.map((o) => o.cpuMs)) / median(cpu)).toFixed(2) : null,
      peakRssMiB: Math.round(Math.max(...mine.map((o) => o.peakRssMiB))),
      storeMiB: Math.round(mine[0].storeMiB),
      columnStoreMiB: Math.round(mine[0].columnStoreMiB),
      runs: mine.map((o) => seconds(o.importMs + o.cohortStepMs)),
      cpuRuns: mine.map((o) => seconds(o.cpuMs)),
      loadAverageAtEachRun: loads[order],
    };
    console.error(`${order}: ${JSON.stringify(results[order])}`);
  }
  rmSync(store, { force: true });
  console.log(JSON.stringify({
    records,
    medianOf: runs,
    ...results,
    slowestOverFastestOrder: +(Math.max(...totals) / Math.min(...totals)).toFixed(2),
    slowestOverFastestOrderCpu: +(Math.max(...orders.map((o) => median(ours[o].map((x) => x.cpuMs)))) / Math.min(...orders.map((o) => median(ours[o].map((x) => x.cpuMs))))).toFixed(2),
    loadAverageAtEnd: loadAverage(),
  }, null, 2));
}

await main();
