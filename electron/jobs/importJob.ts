// The import job: the three extract files into the store, in one transaction (db/import).
import { importExtract, type ImportRequest, type ImportSummary } from '../../db/import/importExtract';
import type { JobContext } from './jobProtocol';

const PHASE_LABEL = { reading: 'Reading', indexing: 'Indexing', committing: 'Saving' } as const;

export async function importJob(ctx: JobContext<ImportRequest>): Promise<ImportSummary> {
  return importExtract(ctx.db, ctx.payload, {
    signal: ctx.signal,
    onProgress: (p) => ctx.progress(p.file ? `${PHASE_LABEL[p.phase]} ${p.file} (${p.rows.toLocaleString('en-GB')} rows)` : PHASE_LABEL[p.phase], p.bytesDone, p.bytesTotal),
  });
}
