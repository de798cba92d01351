// A built checkout's `matchlab` command run as a user runs it: a fresh process, timed from outside.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAverage, median } from './benchExtract';

export interface CommandRun {
  wallSeconds: number;
  /** User + system time of every thread, through /usr/bin/time (null on a machine without it). */
  cpuSeconds: number | null;
  peakRssMb: number | null;
  load: string;
}

const timed = existsSync('/usr/bin/time');

/** Runs `bin/matchlab.mjs ...args` of `checkout` (built: `npm run build`); throws with its stderr when it fails. */
export function runBundled(checkout: string, args: string[]): CommandRun {
  const command = [join(checkout, 'bin', 'matchlab.mjs'), ...args];
  const load = loadAverage();
  const t0 = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...command], { encoding: 'utf8' })
    : spawnSync(process.execPath, command, { encoding: 'utf8' });
  const wallSeconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`matchlab ${args[0]} failed in ${checkout}: ${r.stderr}`);
  const last = timed ? String(r.stderr).trim().split('\n').pop()!.split(' ').map(Number) : null;
  return { wallSeconds: +wallSeconds.toFixed(2), cpuSeconds: last ? +(last[0] + last[1]).toFixed(2) : null, peakRssMb: last ? Math.round(last[2] / 1024) : null, load };
}

/** Medians of a list of runs, with the runs themselves. */
export function summariseRuns(list: CommandRun[]) {
  return {
    medianWallSeconds: median(list.map((x) => x.wallSeconds)),
    medianCpuSeconds: timed ? median(list.map((x) => x.cpuSeconds!)) : null,
    medianPeakRssMb: timed ? median(list.map((x) => x.peakRssMb!)) : null,
    runs: list,
  };
}
