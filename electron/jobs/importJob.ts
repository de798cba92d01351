// The import job: the three extract files into the store in one transaction (db/import), then
// the cohort step on the new extract (db/cohort), so the funnel is ready when the import is.
import { importExtract, type ImportRequest, type ImportSummary } from '../../db/import/importExtract';
import { ImportError, ReadError } from '../../db/import/importProblems';
import { deriveCohort } from '../../db/cohort/deriveCohort';
import { ApiError } from '../service/apiError';
import type { JobContext } from './jobProtocol';

const PHASE_LABEL = { reading: 'Reading', indexing: 'Indexing', committing: 'Saving' } as const;

export async function importJob(ctx: JobContext<ImportRequest>): Promise<ImportSummary> {
  let summary: ImportSummary;
  try {
    summary = await importExtract(ctx.db, ctx.payload, {
      signal: ctx.signal,
      onProgress: (p) =>
        ctx.progress(p.file ? `${PHASE_LABEL[p.phase]} ${p.file} (${p.rows.toLocaleString('en-GB')} rows)` : PHASE_LABEL[p.phase], p.bytesDone, p.bytesTotal),
    });
  } catch (err) {
    if (err instanceof ImportError) {
      throw new ApiError('import_invalid', `The extract was not imported: ${err.message}`, { problems: err.problems, total: err.total });
    }
    if (err instanceof ReadError) throw new ApiError('import_unreadable', `The extract was not imported: ${err.message}`);
    throw err;
  }
  deriveCohort(ctx.db, {}, ctx.progress);
  return summary;
}
