import { resolve } from 'node:path';
import { flags } from './main';
import { openCliSession } from './cliSession';
import { CliError } from './cliError';
import { passphraseFromEnv } from './storePassphrase';

/** `matchlab rekey --store FILE`: the current passphrase in MATCHLAB_PASSPHRASE, the new one in MATCHLAB_NEW_PASSPHRASE. */
export async function rekeyMain(args: string[]): Promise<string> {
  const f = flags(args, { store: { type: 'string', required: true } });
  const next = process.env.MATCHLAB_NEW_PASSPHRASE;
  if (!next) throw new CliError('set the new passphrase in the environment variable MATCHLAB_NEW_PASSPHRASE');
  const current = passphraseFromEnv();
  const session = openCliSession();
  try {
    const { path } = await session.call('store.open', { path: resolve(String(f.store)), passphrase: current });
    await session.call('store.changePassphrase', { current, next });
    return `the passphrase of ${path} is changed: the old one no longer opens it`;
  } finally {
    await session.close();
  }
}
