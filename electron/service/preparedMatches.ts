// Matches files the analysis job formatted while it ran, for the latest run only, until each is written once. The
// command line exports every analysis's matches file straight after the run: formatting 300,000 rows and reading them
// back from the store then took about 0.8 s on the main thread after the job; the job's second thread does it in
// time it would otherwise spend waiting. The app does not ask for them: its analyst may never export the run.
import type { PreparedRunFiles } from '../jobs/jobProtocol';
import type { PreparedMatches } from '../exports/matchesCsv';

export interface PreparedMatchesHolder {
  /** Keeps a run's files, dropping any earlier run's. */
  keep(files: PreparedRunFiles): void;
  /** The file of (runId, analysis), which is then no longer kept (written once; a retry formats it again). */
  take(runId: string, analysis: string): PreparedMatches | undefined;
  /** Drops them all (the store switched, or the run was deleted). */
  forget(): void;
}

export function createPreparedMatches(): PreparedMatchesHolder {
  let kept: PreparedRunFiles | null = null;
  return {
    keep(files) {
      kept = files;
    },
    take(runId, analysis) {
      if (kept?.runId !== runId) return undefined;
      const file = kept.matches.find((m) => m.analysis === analysis);
      if (file) kept = { runId, matches: kept.matches.filter((m) => m !== file) };
      return file;
    },
    forget() {
      kept = null;
    },
  };
}
