import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { flags } from './main';
import { CliError, openCliSession, passphraseFromEnv } from './cliSession';
import { openStore } from '../../db/store';
import { readRunRecords, type RunRecords } from '../../db/runs/runStore';
import { writeReport } from './reportFiles';
import { formatCount } from '../../shared/format/numberFormat';

/** `matches-<name>.csv`, the name made safe for any file system. */
export function matchesFileName(analysis: string): string {
  return `matches-${analysis.replace(/[^A-Za-z0-9 _.-]/g, '_')}.csv`;
}

/** record_id,treated,score,weight: one row per record of the analysis, in record_id order. */
async function writeMatchesCsv(path: string, r: RunRecords): Promise<void> {
  const out = createWriteStream(path);
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  let chunk = 'record_id,treated,score,weight\n';
  for (let i = 0; i < r.recordIds.length; i++) {
    // Shortest round-trip decimal: the same double always prints the same text.
    chunk += `${quote(r.recordIds[i])},${r.treated[i]},${r.score[i]},${r.weight[i]}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

export async function analyseMain(args: string[]): Promise<string> {
  const f = flags(args, {
    store: { type: 'string', required: true },
    spec: { type: 'string', required: true },
    out: { type: 'string', required: true },
  });
  let spec: unknown;
  try {
    spec = JSON.parse(await readFile(String(f.spec), 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read the spec ${f.spec}: ${(err as Error).message}`);
  }
  const passphrase = passphraseFromEnv();
  const session = openCliSession();
  let runId: string;
  try {
    await session.call('store.open', { path: String(f.store), passphrase });
    const { jobId } = await session.call('analysis.run', { spec: spec as never });
    await session.waitForJob(jobId);
    runId = (await session.call('runs.list', {}))[0].runId;
    const run = await session.call('runs.get', { runId });
    const outDir = String(f.out);
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'results.json'), JSON.stringify(run, null, 2) + '\n');
    const db = openStore(String(f.store), passphrase, { mode: 'open', readonly: true });
    try {
      for (const a of run.analyses) await writeMatchesCsv(join(outDir, matchesFileName(a.name)), readRunRecords(db, runId, a.name)!);
    } finally {
      db.close();
    }
    await writeReport(run, join(outDir, 'report.html'));
    const parts = run.analyses.map((a) => `${a.name}: ${a.treatment.n} treated vs ${formatCount(a.comparison.records)} comparison records`);
    return `run ${runId}: ${parts.join('; ')}; written to ${outDir}`;
  } finally {
    await session.close();
  }
}
