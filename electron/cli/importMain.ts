import { formatCount } from '../../shared/format/numberFormat';
import { flags } from './main';
import { openCliSession } from './cliSession';
import { passphraseFromEnv } from './storePassphrase';

export async function importMain(args: string[]): Promise<string> {
  const f = flags(args, {
    store: { type: 'string', required: true },
    cohort: { type: 'string', required: true },
    reoffences: { type: 'string', required: true },
    participants: { type: 'string', required: true },
    'extract-date': { type: 'string' },
    replace: { type: 'boolean' },
  });
  // Its job's thread and its store's key were started before this module loaded (main.ts startAhead).
  const session = openCliSession();
  try {
    await session.call('store.open', { path: String(f.store), passphrase: passphraseFromEnv() }).catch(async (err: Error) => {
      if (!/No store/.test(err.message)) throw err;
      await session.call('store.create', { path: String(f.store), passphrase: passphraseFromEnv() });
    });
    const { jobId } = await session.call('import.start', {
      cohort: { path: String(f.cohort) },
      reoffences: { path: String(f.reoffences) },
      participants: { path: String(f.participants) },
      extractDate: f['extract-date'] as string | undefined,
      replace: f.replace === true,
    });
    await session.waitForJob(jobId);
    const { store } = await session.call('app.state', {});
    const c = store!.counts!;
    return `imported into ${store!.path}: ${formatCount(c.cohort)} cohort records, ${formatCount(c.reoffences)} reoffences, ${formatCount(c.participants)} participants; extract date ${store!.extractDate}`;
  } finally {
    await session.close();
  }
}
