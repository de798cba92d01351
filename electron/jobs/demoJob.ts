// The demo job: writes a synthetic extract to a temporary folder and imports it, so a newcomer
// gets a filled store in one click.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../cli/demoCommand';
import { IMPORT_JOB_PHASES, runImport } from './importJob';
import { throwIfCancelled, type JobContext } from './jobProtocol';
import { WeightedProgress } from './weightedProgress';

export interface DemoJobPayload {
  records: number;
  seed?: number;
}

export async function demoJob(ctx: JobContext<DemoJobPayload>) {
  const dir = await mkdtemp(join(tmpdir(), 'matchlab-demo-'));
  try {
    // Generating takes about a tenth of the time of importing what it generates.
    const progress = new WeightedProgress([{ id: 'generating', label: 'Generating a synthetic extract', weight: 10 }, ...IMPORT_JOB_PHASES], ctx.progress);
    progress.at('generating');
    const demo = await writeDemoExtract(dir, { records: ctx.payload.records, seed: ctx.payload.seed });
    throwIfCancelled(ctx.signal);
    const request = {
      cohort: { path: demo.files.cohort },
      reoffences: { path: demo.files.reoffences },
      participants: { path: demo.files.participants },
    };
    return await runImport({ ...ctx, payload: request }, progress);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
