import { flags } from './main';
import { openCliSession, passphraseFromEnv } from './cliSession';
import { writeReport } from './reportFiles';

export async function reportMain(args: string[]): Promise<string> {
  const f = flags(args, {
    store: { type: 'string', required: true },
    run: { type: 'string', required: true },
    out: { type: 'string', required: true },
  });
  const session = openCliSession();
  try {
    await session.call('store.open', { path: String(f.store), passphrase: passphraseFromEnv() });
    const run = await session.call('runs.get', { runId: String(f.run) });
    await writeReport(run, String(f.out));
    return `report of run ${run.runId} written to ${f.out}`;
  } finally {
    await session.close();
  }
}
