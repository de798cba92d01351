// `matchlab demo --out DIR [--records N] [--participants N] [--seed S] [--effect E]` (CLI.md):
// writes a synthetic extract and the generator's own record of its truth (demo-truth.json).

import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cohortCsvChunks, participantsCsv, reoffencesCsvChunks } from '../../shared/demo/demoCsv';
import { generateDemoExtract, type DemoOptions } from '../../shared/demo/generateDemoExtract';

export interface DemoSummary {
  outDir: string;
  files: { cohort: string; reoffences: string; participants: string; truth: string };
  records: number;
  reoffences: number;
  participants: number;
  treated: number;
  extractDate: string;
  seed: number;
  effect: number;
  trueAverageEffect: number;
  milliseconds: number;
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const chunk of chunks) await file.write(chunk);
  } finally {
    await file.close();
  }
}

export async function writeDemoExtract(outDir: string, opts: DemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const extract = generateDemoExtract(opts);
  await mkdir(outDir, { recursive: true });
  const files = {
    cohort: join(outDir, 'cohort.csv'),
    reoffences: join(outDir, 'reoffences.csv'),
    participants: join(outDir, 'participants.csv'),
    truth: join(outDir, 'demo-truth.json'),
  };
  await writeChunks(files.cohort, cohortCsvChunks(extract));
  await writeChunks(files.reoffences, reoffencesCsvChunks(extract));
  await writeFile(files.participants, participantsCsv(extract));
  await writeFile(files.truth, JSON.stringify(extract.truth, null, 2) + '\n');
  const { truth } = extract;
  return {
    outDir, files, records: truth.records, reoffences: extract.reoffences.size, participants: truth.submitted,
    treated: truth.funnel[truth.funnel.length - 1].remaining, extractDate: truth.extractDate, seed: truth.seed,
    effect: truth.effect, trueAverageEffect: truth.trueAverageEffect, milliseconds: Math.round(performance.now() - started),
  };
}

const NUMBER_FLAGS = { '--records': 'records', '--participants': 'participants', '--seed': 'seed', '--effect': 'effect' } as const;

/** The demo command's arguments; throws with a one-line reason on anything unknown or malformed. */
export function parseDemoArgs(args: readonly string[]): { outDir: string; options: DemoOptions } {
  let outDir: string | undefined;
  const options: DemoOptions = {};
  for (let k = 0; k < args.length; k += 2) {
    const flag = args[k];
    const value = args[k + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    if (flag === '--out') {
      outDir = value;
    } else if (flag in NUMBER_FLAGS) {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`${flag} must be a number, not "${value}"`);
      options[NUMBER_FLAGS[flag as keyof typeof NUMBER_FLAGS]] = n;
    } else {
      throw new Error(`unknown option ${flag} for demo`);
    }
  }
  if (!outDir) throw new Error('demo needs --out DIR');
  return { outDir, options };
}

/** The one-line summary printed on stdout. */
export function formatDemoSummary(s: DemoSummary): string {
  return `demo extract in ${s.outDir}: ${s.records} records, ${s.reoffences} reoffences, ${s.participants} participants ` +
    `(${s.treated} expected in the treatment group), extract date ${s.extractDate}, seed ${s.seed}, ` +
    `effect ${s.effect} (true average ${s.trueAverageEffect.toFixed(4)}), ${s.milliseconds} ms`;
}
