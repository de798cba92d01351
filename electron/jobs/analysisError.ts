// What an analysis that fails tells the user, on whichever thread it ran.
import { ApiError } from '../service/apiError';

/** prepareAnalysis names unknown covariates, empty pools and the like as plain errors: the user can act on them. */
export function analysisError(err: unknown): unknown {
  if (err instanceof Error && !(err instanceof ApiError) && !('code' in err)) return new ApiError('analysis_invalid', err.message);
  return err;
}
