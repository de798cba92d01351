import { resolve } from 'node:path';
import { flags } from './main';
import { openCliSession } from './cliSession';
import { passphraseFromEnv } from './storePassphrase';

export async function reportMain(args: string[]): Promise<string> {
  const f = flags(args, {
    store: { type: 'string', required: true },
    run: { type: 'string', required: true },
    out: { type: 'string', required: true },
  });
  const session = openCliSession();
  try {
    await session.call('store.open', { path: String(f.store), passphrase: passphraseFromEnv() });
    // --out names the file explicitly: an existing one is replaced, as a command line's output is.
    const { path } = await session.call('report.export', { runId: String(f.run), path: resolve(String(f.out)), overwrite: true });
    return `report of run ${f.run} written to ${path}`;
  } finally {
    await session.close();
  }
}
