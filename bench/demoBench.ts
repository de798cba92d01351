// Median time to write a 300,000-record demo extract (issue 2: under 20 s here).
// Run: npx tsx bench/demoBench.ts [records] [runs]

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../electron/cli/demoCommand';

const records = Number(process.argv[2] ?? 300_000);
const runs = Number(process.argv[3] ?? 5);
const dir = await mkdtemp(join(tmpdir(), 'matchlab-demo-bench-'));
const times: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const summary = await writeDemoExtract(dir, { records, seed: run + 1 });
    times.push(performance.now() - started);
    if (run === 0) console.log(`${summary.records} records, ${summary.reoffences} reoffences`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
console.log(`demo extract, ${records} records: median ${(times[Math.floor(runs / 2)] / 1000).toFixed(2)} s over ${runs} runs (min ${(times[0] / 1000).toFixed(2)} s, max ${(times[runs - 1] / 1000).toFixed(2)} s)`);
