// Messages between importExtract and a worker thread that reads one big file (cohort or reoffences).
import type { CellContext } from './cellRules';
import type { ColumnBatch } from './columnBatch';
import type { ColumnKind, ExtraObservations } from './extraColumnTyping';
import type { ImportProblem } from './importProblems';
import type { FeedColumn } from './loadRows';

export type WorkerFileKind = 'cohort' | 'reoffences';

/** A feed as plain data: an extra column's typing is rebuilt in the worker from its name and override. */
export type WorkerFeed = Omit<FeedColumn, 'extra'> & { extra: { name: string; override: ColumnKind | undefined } | null };

export interface FileWorkerData {
  kind: WorkerFileKind;
  path: string;
  sheet?: string;
  fileName: string;
  feeds: WorkerFeed[];
  cell: CellContext;
  headerWidth: number;
  unnamed: number[];
}

/** Sent back for each 'rows' message once its rows are written: the worker's pace is the writer's. */
export type ToFileWorker = { type: 'written' };

export type FromFileWorker =
  | { type: 'rows'; batch: ColumnBatch }
  /** `problems`: found so far, so that the writer can stop writing rows that will be rolled back. */
  | { type: 'progress'; rows: number; bytesRead: number; problems: number }
  | {
      type: 'done';
      rows: number;
      /** The worker's own problem log: the first 100 and the total. */
      listed: ImportProblem[];
      total: number;
      /** Reoffences: the latest disposal_date (-Infinity without rows); cohort: unused. */
      latestDisposal: number;
      /** Per feed: what an extra column's values showed (null for a role column). */
      extras: (ExtraObservations | null)[];
      sha256: string;
    };
