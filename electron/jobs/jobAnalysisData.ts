// The analysis data as a job reads it: a missing or stale cohort step becomes an api error the user can act on.
import type { Db } from '../../db/store';
import { loadAnalysisData, AnalysisDataError, type AnalysisData } from '../../db/runs/analysisData';
import type { ColumnMemory } from '../../db/columnStore/storedColumn';
import { ApiError } from '../service/apiError';

export function jobAnalysisData(db: Db, memory: ColumnMemory = 'own'): AnalysisData {
  try {
    return loadAnalysisData(db, memory);
  } catch (err) {
    if (err instanceof AnalysisDataError) throw new ApiError(err.code, err.message);
    throw err;
  }
}
