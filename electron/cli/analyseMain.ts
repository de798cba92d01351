import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { flags } from './main';
import { openCliSession } from './cliSession';
import { CliError } from './cliError';
import { passphraseFromEnv } from './storePassphrase';
import { matchesFileName, pairsFileName } from '../exports/matchesCsv';
import { writeExportFile } from '../exports/exportFile';
import { formatCount } from '../../shared/format/numberFormat';

export async function analyseMain(args: string[]): Promise<string> {
  const f = flags(args, {
    store: { type: 'string', required: true },
    spec: { type: 'string', required: true },
    out: { type: 'string', required: true },
    pairs: { type: 'boolean' },
  });
  let spec: unknown;
  try {
    spec = JSON.parse(await readFile(String(f.spec), 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read the spec ${f.spec}: ${(err as Error).message}`);
  }
  // Its job's thread and its store's key were started before this module loaded (main.ts startAhead).
  const session = openCliSession();
  try {
    await session.call('store.open', { path: String(f.store), passphrase: passphraseFromEnv() });
    // Every analysis's matches file is written below: the job formats them as it builds the analyses.
    const { jobId } = await session.call('analysis.run', { spec: spec as never, matchesFiles: true });
    const job = await session.waitForJob(jobId);
    if (job.kind !== 'analyse' || !job.result) throw new CliError('the analysis job ended without a run');
    const { runId } = job.result;
    const run = await session.call('runs.get', { runId });
    const outDir = resolve(String(f.out));
    await mkdir(outDir, { recursive: true });
    // The files are written side by side: the report is rendered on this thread while the matches files, made by the
    // job, go to disk. Each through the export writer: whole or not at all (an interrupted run leaves no half
    // results.json beside an older run's report), never through a symbolic link.
    const writes: Promise<unknown>[] = [writeExportFile(join(outDir, 'results.json'), [JSON.stringify(run, null, 2) + '\n'], { overwrite: true })];
    // CLI.md makes the matches files part of `analyse`'s output: the explicit record-level export.
    for (const a of run.analyses) {
      // The command line names its output explicitly: files from an earlier run there are replaced.
      writes.push(session.call('runs.exportMatches', { runId, analysis: a.name, path: join(outDir, matchesFileName(a.name)), overwrite: true }));
      // The long form of the matched sets (radius and kernel sets can hold thousands of records each): on request.
      if (f.pairs) writes.push(session.call('runs.exportPairs', { runId, analysis: a.name, path: join(outDir, pairsFileName(a.name)), overwrite: true }));
    }
    writes.push(session.call('report.export', { runId, path: join(outDir, 'report.html'), overwrite: true }));
    // Every write ends before the command does, even when one fails.
    const failed = (await Promise.allSettled(writes)).find((w) => w.status === 'rejected');
    if (failed) throw failed.reason;
    const parts = run.analyses.map((a) => `${a.name}: ${a.treatment.n} treated vs ${formatCount(a.comparison.records)} comparison records`);
    return `run ${runId}: ${parts.join('; ')}; written to ${outDir}`;
  } finally {
    await session.close();
  }
}
