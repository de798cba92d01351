import { resolve } from 'node:path';
import { flags } from './main';
import { isDamageError, openStore } from '../../db/store';
import { takeStoreKeyAhead } from '../../db/storeKey';
import { storeInfo } from '../../db/extract/storeInfo';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import { listRuns } from '../../db/runs/runStore';
import { verifyAudit } from '../../db/audit';
import { checkStoreIntegrity } from '../../db/storeIntegrity';
import { CliError } from './cliError';
import { passphraseFromEnv } from './storePassphrase';

/**
 * What the store holds, as JSON: counts, the last import's files and checksums, settings, runs,
 * and its health: every page checked, SQLite's integrity check, and the audit log's hash chain.
 * A damaged store or an altered audit log still prints the JSON, then fails in one line.
 */
export async function infoMain(args: string[]): Promise<string> {
  const f = flags(args, { store: { type: 'string', required: true } });
  const file = resolve(String(f.store));
  const passphrase = passphraseFromEnv();
  const db = openStore(file, passphrase, { mode: 'open', derived: await takeStoreKeyAhead(file, passphrase) });
  try {
    // The health first: on a damaged store, what can still be read is read after it.
    const integrity = checkStoreIntegrity(db, file);
    let contents: Record<string, unknown>;
    let audit: ReturnType<typeof verifyAudit> | null = null;
    try {
      const info = storeInfo(db);
      const derivation = readCohortDerivation(db);
      contents = {
        rows: info.rows,
        extractDate: info.extract?.extractDate ?? null,
        extractDateSource: info.extract?.extractDateSource ?? null,
        importedAt: info.extract?.importedAt ?? null,
        files: info.extract?.files ?? [],
        derivation: derivation ? { settings: derivation.settings, derivedAt: derivation.derivedAt, funnel: derivation.funnel } : null,
        runs: listRuns(db),
      };
      audit = verifyAudit(db);
    } catch (err) {
      if (!isDamageError(err) || integrity.ok) throw err;
      contents = { unreadable: (err as Error).message };
    }
    const output = JSON.stringify({ ...contents, integrity, audit }, null, 2);
    if (!integrity.ok) throw new CliError(`the store is damaged: ${integrity.problems[0]}`, output);
    if (audit && !audit.ok) throw new CliError(`the audit log was altered: ${audit.problems.join('; ')}`, output);
    return output;
  } finally {
    db.close();
  }
}
