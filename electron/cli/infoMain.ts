import { flags } from './main';
import { openStore } from '../../db/store';
import { storeInfo } from '../../db/extract/storeInfo';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import { listRuns } from '../../db/runs/runStore';
import { passphraseFromEnv } from './storePassphrase';

/** What the store holds, as JSON: counts, the last import's files and checksums, settings, runs. */
export async function infoMain(args: string[]): Promise<string> {
  const f = flags(args, { store: { type: 'string', required: true } });
  const db = openStore(String(f.store), passphraseFromEnv(), { mode: 'open' });
  try {
    const info = storeInfo(db);
    const derivation = readCohortDerivation(db);
    return JSON.stringify(
      {
        rows: info.rows,
        extractDate: info.extract?.extractDate ?? null,
        extractDateSource: info.extract?.extractDateSource ?? null,
        importedAt: info.extract?.importedAt ?? null,
        files: info.extract?.files ?? [],
        derivation: derivation ? { settings: derivation.settings, derivedAt: derivation.derivedAt, funnel: derivation.funnel } : null,
        runs: listRuns(db),
      },
      null,
      2,
    );
  } finally {
    db.close();
  }
}
