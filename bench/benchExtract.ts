// The benchmarks' extracts: a `matchlab demo` extract, then copies of its cohort and reoffences
// files with the rows in another order. A real PNC extract comes in no particular order; the
// demo writes its cohort sorted by record_id, which hides what an index walk costs.
//   shuffled:   both files' rows in a seeded random order
//   ascending:  as the demo writes them (cohort by record_id, reoffences by person)
//   descending: both files' rows reversed
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../electron/cli/demoCommand';
import { Xoshiro128 } from '../shared/demo/xoshiro128';

export const ROW_ORDERS = ['shuffled', 'ascending', 'descending'] as const;
export type RowOrder = (typeof ROW_ORDERS)[number];

export interface BenchFiles {
  cohort: string;
  reoffences: string;
  participants: string;
}

function reorderCsv(from: string, to: string, order: RowOrder, seed: number): void {
  const text = readFileSync(from, 'utf8');
  const header = text.slice(0, text.indexOf('\n') + 1);
  const rows = text.slice(header.length).trimEnd().split('\n');
  if (order === 'descending') rows.reverse();
  if (order === 'shuffled') {
    const rng = Xoshiro128.fromSeed(seed);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      const t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
  }
  writeFileSync(to, header + rows.join('\n') + '\n');
}

/**
 * Writes (or reuses, when `dir/<order>/` already holds it) the extract of `records` records in
 * each wanted row order; returns the files of each.
 */
export async function benchExtracts(dir: string, records: number, orders: readonly RowOrder[], seed = 1): Promise<Record<RowOrder, BenchFiles>> {
  const base = join(dir, `demo-${records}-${seed}`);
  const files = (sub: string): BenchFiles => ({
    cohort: join(base, sub, 'cohort.csv'),
    reoffences: join(base, sub, 'reoffences.csv'),
    participants: join(base, sub, 'participants.csv'),
  });
  if (!existsSync(join(base, 'ascending', 'participants.csv'))) {
    const t0 = performance.now();
    const demo = await writeDemoExtract(join(base, 'ascending'), { records, participants: Math.max(200, Math.round(records / 1000)), seed });
    console.error(`generated ${demo.records} records, ${demo.reoffences} reoffences in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const out = {} as Record<RowOrder, BenchFiles>;
  for (const order of orders) {
    const f = files(order);
    if (!existsSync(f.participants)) {
      const asc = files('ascending');
      mkdirSync(join(base, order), { recursive: true });
      reorderCsv(asc.cohort, f.cohort, order, seed + 1);
      reorderCsv(asc.reoffences, f.reoffences, order, seed + 2);
      copyFileSync(asc.participants, f.participants);
    }
    out[order] = f;
  }
  return out;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Milliseconds of CPU (user + system, every thread of this process) since `from`: on a shared machine wall time waits for a core. */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

/** The 1, 5 and 15 minute load averages, printed beside every figure: the machine is shared. */
export function loadAverage(): string {
  return loadavg().map((x) => x.toFixed(2)).join(' ');
}

/** The value after `--name` on the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
