// The analysis data as a job reads it: a missing or stale cohort step becomes an api error the user can act on.
import type { Db } from '../../db/store';
import { loadAnalysisData, AnalysisDataError, type AnalysisData } from '../../db/runs/analysisData';
import { ApiError } from '../service/apiError';

export function jobAnalysisData(db: Db): AnalysisData {
  try {
    return loadAnalysisData(db);
  } catch (err) {
    if (err instanceof AnalysisDataError) throw new ApiError(err.code, err.message);
    throw err;
  }
}
