// The end of an import, once every row is read and checked: the last checks, the column store
// (the cohort in record_id order), and the rows that describe the extract (columns, date, files, audit). Runs inside
// the import's transaction; throws ImportError when the files broke a rule.
import type { CohortColumnInfo, ImportSummary } from '../../shared/extract/importedFile';
import { writeAudit } from '../audit';
import { quoteIdentifier } from '../extract/quoteIdentifier';
import { cohortOrder, takePersonIds, writeExtractColumns } from '../columnStore/extractColumns';
import type { ColumnBuilder } from '../columnStore/columnBuilders';
import type { Db } from '../store';
import { dayToIso } from './dayNumber';
import type { ColumnKind } from './extraColumnTyping';
import type { FileLoader } from './fileLoader';
import { FILE_KINDS, type ImportPlan } from './importPlan';
import { ImportError, type FileKind } from './importProblems';
import { numberExtractPersons, type UnknownPersons } from './extractPersons';
import type { ImportedFileInfo } from '../../shared/extract/importedFile';

// The import's result is part of the api's contract (the import job's result): its types live in shared/.
export type { CohortColumnInfo, ImportSummary };

export type FinalStep = 'ordering' | 'columns' | 'persons';

export interface LoadedFiles {
  loaders: Record<FileKind, FileLoader>;
  builders: Record<FileKind, (ColumnBuilder | null)[]>;
}

/** Every problem in file order after those of the plan; throws when there is any. */
export function checkLoaded(plan: ImportPlan, { loaders }: LoadedFiles): void {
  const { problems, files } = plan;
  for (const kind of FILE_KINDS) problems.append(loaders[kind].problems);
  if (files.cohort.source && loaders.cohort.rows === 0) {
    problems.add({ kind: 'cohort', file: files.cohort.fileName, row: null, line: null, column: null, value: null, message: 'the cohort file has no data rows' });
  }
  if (files.reoffences.source && loaders.reoffences.rows === 0 && plan.givenExtractDay === null) {
    problems.add({ kind: 'reoffences', file: files.reoffences.fileName, row: null, line: null, column: null, value: null, message: 'the reoffences file has no rows, so the extract date must be given' });
  }
  if (problems.total > 0) throw new ImportError(problems.listed, problems.total);
}

function cohortColumnInfos(plan: ImportPlan): CohortColumnInfo[] {
  const { feeds, resolved } = plan.files.cohort;
  return feeds.map((f) => {
    const mapped = resolved!.mapped.find((m) => m.target === f.column);
    const kind: ColumnKind = f.extra ? f.extra.kind : f.rule === 'date' || f.rule === 'count' || f.rule === 'oasys' || f.rule === 'flag' ? 'numeric' : 'categorical';
    return { name: f.column, kind, role: mapped ? mapped.role : null, source: mapped ? mapped.header : f.column };
  });
}

/**
 * Writes what describes the extract. `step` is called before each costly step, so that the
 * caller can report it and stop there on a cancel.
 */
export function finaliseImport(db: Db, plan: ImportPlan, loaded: LoadedFiles, step: (s: FinalStep) => void): Omit<ImportSummary, 'durationMs'> {
  const { files } = plan;
  const { loaders, builders } = loaded;
  step('ordering');
  const order = cohortOrder(db, files.cohort.feeds, builders.cohort);
  step('columns');
  const cohortColumns = cohortColumnInfos(plan);
  for (const feed of files.cohort.feeds) {
    const sql = feed.extra?.fixUpSql('cohort', quoteIdentifier(feed.column));
    if (sql) db.exec(sql);
  }
  const cancelPoint = () => step('columns');
  writeExtractColumns(db, 'cohort', files.cohort.feeds, builders.cohort, order, cancelPoint);
  const offenders = takePersonIds(files.reoffences.feeds, builders.reoffences);
  writeExtractColumns(db, 'reoffences', files.reoffences.feeds, builders.reoffences, null, cancelPoint);

  const extractDay = plan.givenExtractDay ?? loaders.reoffences.tally.latestDisposal;
  const importedAt = new Date().toISOString();
  const insertColumn = db.prepare('INSERT INTO cohort_columns (name, position, kind, role, source) VALUES (?, ?, ?, ?, ?)');
  cohortColumns.forEach((c, position) => insertColumn.run(c.name, position, c.kind, c.role, c.source));
  db.prepare(`INSERT INTO extract (id, extract_date, extract_date_source, imported_at) VALUES (1, ?, ?, ?)`)
    .run(extractDay, plan.givenExtractDay === null ? 'latest_disposal' : 'given', importedAt);
  step('persons');
  const unknown: Record<FileKind, UnknownPersons> = { cohort: { rows: 0, persons: 0 }, ...numberExtractPersons(db, offenders, () => step('persons')) };
  const summaryFiles = {} as Record<FileKind, ImportedFileInfo>;
  const insertFile = db.prepare(`INSERT INTO extract_files (kind, file_name, sheet, sha256, bytes, rows, unknown_person_rows, unknown_persons, mapping)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const kind of FILE_KINDS) {
    const f = files[kind];
    const u = unknown[kind];
    const s: ImportedFileInfo = {
      kind, fileName: f.fileName, sheet: f.input.sheet ?? null, sha256: loaders[kind].sha256(),
      bytes: f.source!.bytesTotal, rows: loaders[kind].rows, unknownPersonRows: u.rows, unknownPersons: u.persons,
    };
    summaryFiles[kind] = s;
    insertFile.run(kind, s.fileName, s.sheet, s.sha256, s.bytes, s.rows, s.unknownPersonRows, s.unknownPersons, JSON.stringify(f.mapping));
  }
  const extractDate = dayToIso(extractDay);
  writeAudit(db, 'import', {
    extractDate,
    files: FILE_KINDS.map((k) => ({ kind: k, fileName: summaryFiles[k].fileName, sha256: summaryFiles[k].sha256, rows: summaryFiles[k].rows })),
  });
  return {
    extractDate,
    extractDateSource: plan.givenExtractDay === null ? 'latest_disposal' : 'given',
    importedAt,
    files: summaryFiles,
    cohortColumns,
  };
}
