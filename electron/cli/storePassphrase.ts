// Kept apart from cliSession.ts, so that `matchlab info` reads a store without loading the service.
import { CliError } from './cliError';

export function passphraseFromEnv(): string {
  const p = process.env.MATCHLAB_PASSPHRASE;
  if (!p) throw new CliError('set the store passphrase in the environment variable MATCHLAB_PASSPHRASE');
  return p;
}
