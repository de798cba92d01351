// `matchlab analyse` as a user runs it (issue 9: 3 s at 300k records, 8 s at 1M): the bundled command line, a fresh
// process per run, on a copy of a store that holds an imported extract with its cohort step done. With --against DIR
// (another checkout, built), that checkout's command runs alternately with this one's on copies of the same store, so
// that a change in the machine's load touches both alike, and the ratio of the medians is printed, with the median of
// each round's ratio; so is whether both wrote the same matches files, byte for byte.
//   MATCHLAB_PASSPHRASE=... npx tsx bench/analyseCliBench.ts --store S.mlstore --spec SPEC.json [--runs 5] [--against DIR]
// Per run: wall time, CPU time (user + system of every thread) and peak RSS, through /usr/bin/time when the machine has
// it; the load average beside each. The store is copied before each run (analyse adds a run to it) and flushed to
// disk, outside the timing.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { arg, loadAverage, median } from './benchExtract';
import { runBundled, summariseRuns, type CommandRun } from './bundledCommand';

const store = arg('store', '');
const spec = arg('spec', '');
const runs = Number(arg('runs', '5'));
const against = arg('against', '');
if (!store || !spec || !process.env.MATCHLAB_PASSPHRASE) {
  console.error('usage: MATCHLAB_PASSPHRASE=... npx tsx bench/analyseCliBench.ts --store S.mlstore --spec SPEC.json [--runs 5] [--against DIR]');
  process.exit(2);
}
const checkouts: Record<string, string> = { this: resolve(import.meta.dirname, '..') };
if (against) checkouts.against = resolve(against);
const work = mkdtempSync(join(tmpdir(), 'matchlab-analyse-bench-'));

/** A copy of the store, flushed to disk: left to the kernel, writing back 1.2 GB (1M records) lands in the timed run. */
function copyStore(copy: string): void {
  copyFileSync(store, copy);
  const fd = openSync(copy, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function analyse(checkout: string, out: string): CommandRun {
  const copy = join(work, 'store.mlstore');
  copyStore(copy);
  const run = runBundled(checkout, ['analyse', '--store', copy, '--spec', spec, '--out', out]);
  rmSync(copy, { force: true });
  return run;
}

function sameMatchesFiles(a: string, b: string): boolean {
  const files = readdirSync(a).filter((f) => f.startsWith('matches-'));
  return files.length > 0 && files.every((f) => existsSync(join(b, f)) && readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

try {
  const results: Record<string, CommandRun[]> = Object.fromEntries(Object.keys(checkouts).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, checkout] of Object.entries(checkouts)) {
      const out = join(work, `${name}-${r}`);
      results[name].push(analyse(checkout, out));
      if (r > 0) rmSync(out, { recursive: true, force: true });
    }
  }
  const report: Record<string, unknown> = { store, spec, runs, loadAverageAtEnd: loadAverage() };
  for (const name of Object.keys(checkouts)) report[name] = { checkout: checkouts[name], ...summariseRuns(results[name]) };
  if (against) {
    report.wallRatioThisOverAgainst = +(median(results.this.map((x) => x.wallSeconds)) / median(results.against.map((x) => x.wallSeconds))).toFixed(3);
    // Each round's two runs are back to back: the median of their ratios is the least touched by the host's drift.
    report.medianRoundRatio = +median(results.this.map((x, r) => x.wallSeconds / results.against[r].wallSeconds)).toFixed(3);
    report.matchesFilesIdentical = sameMatchesFiles(join(work, 'this-0'), join(work, 'against-0'));
  }
  console.log(JSON.stringify(report, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
