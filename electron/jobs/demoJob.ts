// The demo job: writes a synthetic extract to a temporary folder and imports it, so a newcomer
// gets a filled store in one click.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../cli/demoCommand';
import { importJob } from './importJob';
import { throwIfCancelled, type JobContext } from './jobProtocol';

export interface DemoJobPayload {
  records: number;
  seed?: number;
}

export async function demoJob(ctx: JobContext<DemoJobPayload>) {
  const dir = await mkdtemp(join(tmpdir(), 'matchlab-demo-'));
  try {
    ctx.progress('Generating a synthetic extract', 0, 1);
    const demo = await writeDemoExtract(dir, { records: ctx.payload.records, seed: ctx.payload.seed });
    throwIfCancelled(ctx.signal);
    const request = {
      cohort: { path: demo.files.cohort },
      reoffences: { path: demo.files.reoffences },
      participants: { path: demo.files.participants },
    };
    return await importJob({ ...ctx, payload: request });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
