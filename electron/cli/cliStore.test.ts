// `matchlab info` reports a store's health, and `matchlab rekey` changes its passphrase, as a
// user runs them: separate processes, passphrases from the environment.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../db/store';
import { writeAudit } from '../../db/audit';

const BIN = new URL('../../bin/matchlab.mjs', import.meta.url).pathname;
const PASS = 'cli store passphrase';

function matchlab(env: Record<string, string>, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((ok) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      ok({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }),
    );
  });
}

function storeWithAudit(dir: string): string {
  const file = join(dir, 's.mlstore');
  const db = openStore(file, PASS, { mode: 'create' });
  db.exec(`CREATE TABLE notes (x); INSERT INTO notes VALUES (randomblob(80000))`);
  for (let k = 1; k <= 3; k++) writeAudit(db, 'export', { path: `/out/${k}.csv`, recordLevel: true });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

describe('matchlab info and rekey', () => {
  it('info says the store is sound, then names an altered audit entry and a damaged page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchlab-cli-store-'));
    const file = storeWithAudit(dir);
    const sound = await matchlab({ MATCHLAB_PASSPHRASE: PASS }, 'info', '--store', file);
    expect(sound.code, sound.stderr).toBe(0);
    expect(JSON.parse(sound.stdout)).toMatchObject({ integrity: { ok: true, problems: [] }, audit: { ok: true, entries: 3, head: expect.stringMatching(/^[0-9a-f]{64}$/) } });

    const db = openStore(file, PASS, { mode: 'open' });
    db.exec(`DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{"path":"/out/2.csv","recordLevel":false}' WHERE id = 2`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const altered = await matchlab({ MATCHLAB_PASSPHRASE: PASS }, 'info', '--store', file);
    expect(altered.code).toBe(1);
    expect(altered.stderr.trim()).toMatch(/^matchlab info: the audit log was altered: entry 2 \(export, .*\) was changed after it was written$/);
    expect(JSON.parse(altered.stdout).audit.ok).toBe(false);

    const raw = readFileSync(file);
    raw[3 * 16384 + 500] ^= 0x55;
    writeFileSync(file, raw);
    const damaged = await matchlab({ MATCHLAB_PASSPHRASE: PASS }, 'info', '--store', file);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/the store is damaged: .*page 4/);
  }, 60_000);

  it('rekey: the old passphrase no longer opens the store, the new one does', async () => {
    const file = storeWithAudit(mkdtempSync(join(tmpdir(), 'matchlab-cli-store-')));
    const short = await matchlab({ MATCHLAB_PASSPHRASE: PASS, MATCHLAB_NEW_PASSPHRASE: 'short' }, 'rekey', '--store', file);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 8 characters/);
    const changed = await matchlab({ MATCHLAB_PASSPHRASE: PASS, MATCHLAB_NEW_PASSPHRASE: 'the new cli passphrase' }, 'rekey', '--store', file);
    expect(changed.code, changed.stderr).toBe(0);
    const old = await matchlab({ MATCHLAB_PASSPHRASE: PASS }, 'info', '--store', file);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/passphrase does not open this store/);
    const fresh = await matchlab({ MATCHLAB_PASSPHRASE: 'the new cli passphrase' }, 'info', '--store', file);
    expect(fresh.code, fresh.stderr).toBe(0);
    // The change itself is in the audit log, and the chain is intact.
    expect(JSON.parse(fresh.stdout).audit).toMatchObject({ ok: true, entries: 4 });
  }, 60_000);
});
