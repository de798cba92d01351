import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { flags } from './main';
import { openCliSession } from './cliSession';
import { CliError } from './cliError';
import { passphraseFromEnv } from './storePassphrase';
import { robustnessStatement } from '../../shared/wording/robustnessSentence';

/** `matchlab robustness`: the specification grid of a stored run; robustness.json and the charts in DIR. */
export async function robustnessMain(args: string[]): Promise<string> {
  const f = flags(args, {
    store: { type: 'string', required: true },
    run: { type: 'string', required: true },
    out: { type: 'string', required: true },
    sets: { type: 'string' },
  });
  // Optional: the analyst's own covariate sets, as JSON [{ "name": ..., "covariates": [...] }] (validated by the api).
  let covariateSets: unknown = [];
  if (f.sets !== undefined) {
    try {
      covariateSets = JSON.parse(await readFile(String(f.sets), 'utf8'));
    } catch (err) {
      throw new CliError(`cannot read the covariate sets ${f.sets}: ${(err as Error).message}`);
    }
  }
  const session = openCliSession();
  try {
    await session.call('store.open', { path: String(f.store), passphrase: passphraseFromEnv() });
    const runId = String(f.run);
    const { jobId } = await session.call('robustness.run', { runId, covariateSets: covariateSets as never });
    await session.waitForJob(jobId);
    const { check } = await session.call('robustness.get', { runId });
    // The command line names its output explicitly: files of an earlier check there are replaced.
    const written = await session.call('robustness.export', { runId, dir: resolve(String(f.out)), overwrite: true });
    // The run as it reads now (justifications included): an analysis the gate withholds gets no summary sentence.
    const run = await session.call('runs.get', { runId });
    const publishable = (name: string) => run.analyses.find((r) => r.name === name)?.findings.publishable ?? false;
    const parts = check!.analyses.map((a) => `${a.analysis}: ${a.summaries.rate ? robustnessStatement('rate', a.summaries.rate, publishable(a.analysis)) : 'no rate estimate'}`);
    const charts = written.files.length - 1;
    return `robustness of run ${runId}: ${parts.join(' ')} Written to ${written.dir} (robustness.json and ${charts} chart${charts === 1 ? '' : 's'})`;
  } finally {
    await session.close();
  }
}
