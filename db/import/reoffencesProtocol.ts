// Messages between importExtract and the worker thread that reads the reoffences file.
import type { CellContext } from './cellRules';
import type { ColumnBatch } from './columnBatch';
import type { ImportProblem } from './importProblems';
import type { FeedColumn } from './loadRows';
import type { PersonRows } from './rowChecks';

export interface ReoffencesWorkerData {
  path: string;
  sheet?: string;
  fileName: string;
  /** Role feeds only (plain data): the reoffences file has no extra columns. */
  feeds: FeedColumn[];
  cell: CellContext;
  headerWidth: number;
  unnamed: number[];
}

export type FromReoffencesWorker =
  | { type: 'rows'; batch: ColumnBatch }
  | { type: 'progress'; rows: number; bytesRead: number }
  | {
      type: 'done';
      rows: number;
      /** The worker's own problem log: the first 100 and the total. */
      listed: ImportProblem[];
      total: number;
      personRows: PersonRows;
      latestDisposal: number;
      sha256: string;
    };
