// The import wizard: three files, each previewed and mapped onto the roles of DATA-FORMAT.md,
// an optional extract date, then one import job; its problems, if any, in a grid.
import { formatDate } from '../../shared/format/dateFormat';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppState, FileKind, ImportProblem, ImportSummary, SavedMapping } from '../../shared/api';
import { ApiCallError, call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { formatCount } from '../../shared/format/numberFormat';
import { checkMapping } from '../import/columnChoices';
import { ConfirmReplaceDialog } from '../import/ConfirmReplaceDialog';
import { overridesToSend, unusedColumns, type ColumnKind } from '../import/extraColumns';
import { FileCard } from '../import/FileCard';
import { FILE_KINDS, FILE_LABEL } from '../import/fileRoles';
import type { FileDraft, ImportDraft } from '../import/importDraft';
import { ProblemGrid } from '../import/ProblemGrid';
import { useStoreSession } from '../session/StoreSession';

/** What still stands between the analyst and the Import button, in their words. */
function blockers(draft: ImportDraft): string[] {
  const out: string[] = [];
  for (const kind of FILE_KINDS) {
    const f = draft.files[kind];
    const name = FILE_LABEL[kind].title.toLowerCase();
    if (!f.preview || !f.mapping) out.push(`choose and preview the ${name} file`);
    else if (f.previewedPath !== f.path) out.push(`preview the new ${name} file`);
    else {
      const check = checkMapping(kind, f.mapping);
      if (check.missingRequired.length > 0) out.push(`choose the column for ${check.missingRequired.join(', ')} in the ${name} file`);
      if (check.reusedColumns.length > 0) out.push(`use each column of the ${name} file for one role only`);
    }
  }
  return out;
}

/** The types set for the cohort file's current extra columns (a type set for anything else is an import error). */
function typeOverridesArg(draft: ImportDraft): Record<string, ColumnKind> {
  const { preview, mapping } = draft.files.cohort;
  return preview && mapping ? overridesToSend(unusedColumns(preview.headers, mapping).extras, draft.typeOverrides) : {};
}

function fileArg(f: FileDraft) {
  return { path: f.path, mapping: f.mapping ?? undefined, ...(f.sheet !== undefined ? { sheet: f.sheet } : {}) };
}

export function ImportScreen({ state, onDone }: { state: AppState; onDone: () => void }) {
  // The choices are the store session's (kept in the store): a failed import, another section or a reload loses nothing.
  const { importDraft } = useStoreSession();
  const draft = importDraft.state;
  const { dispatch } = importDraft;
  const setDraft = useCallback((change: (d: ImportDraft) => ImportDraft) => dispatch({ type: 'update', change }), [dispatch]);
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [startError, setStartError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const [starting, setStarting] = useState(false);

  const refreshSaved = () => void call('mapping.list', {}).then(setSaved, (err: Error) => setStartError(err.message));
  useEffect(refreshSaved, []);

  const job = draft.jobId ? state.jobs.find((j) => j.id === draft.jobId) : undefined;
  // The outcome appears above the files: bring it into view (and to a screen reader) when it lands.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (job && job.status !== 'running') {
      outcome.current?.scrollIntoView({ block: 'start' });
      outcome.current?.focus({ preventScroll: true });
    }
  }, [job?.status]);
  const anyRunning = state.jobs.some((j) => j.status === 'running');
  const locked = anyRunning || starting;
  const todo = blockers(draft);

  const updateFile = (kind: FileKind) => (change: (d: FileDraft) => FileDraft) =>
    setDraft((d) => ({ ...d, files: { ...d.files, [kind]: change(d.files[kind]) } }));

  async function start(replace: boolean) {
    setConfirming(false);
    setStartError(null);
    setStarting(true);
    try {
      const { jobId } = await call('import.start', {
        cohort: fileArg(draft.files.cohort),
        reoffences: fileArg(draft.files.reoffences),
        participants: fileArg(draft.files.participants),
        ...(draft.extractDate ? { extractDate: draft.extractDate } : {}),
        typeOverrides: typeOverridesArg(draft),
        replace,
      });
      setDraft((d) => ({ ...d, jobId }));
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'confirm_replace') setConfirming(true);
      else setStartError((err as Error).message);
    } finally {
      setStarting(false);
    }
  }

  const problems = job?.status === 'failed' && job.error?.code === 'import_invalid' ? (job.error.details as { problems: ImportProblem[]; total: number } | undefined) : undefined;
  const summary = job && (job.kind === 'import' || job.kind === 'demo') ? job.result : undefined;
  const counts = state.store?.counts;

  return (
    <section className="import">
      <h2>Import an extract</h2>
      <p className="muted">
        Choose the three files of the extract (CSV or XLSX). Columns named as in the data format are matched automatically; map any
        other name by hand. Nothing is stored until all three files have been read and checked.
      </p>

      <ErrorNote message={importDraft.error} />
      <div ref={outcome} tabIndex={-1} className="import-outcome">
        {job?.status === 'done' && counts && (
          <div className="card import-result good" role="status" data-testid="import-summary">
            <h3>The extract was imported</h3>
            <ul className="result-counts">
              <li>
                <strong>{formatCount(counts.cohort)}</strong> cohort records
              </li>
              <li>
                <strong>{formatCount(counts.reoffences)}</strong> proven offences
              </li>
              <li>
                <strong>{formatCount(counts.participants)}</strong> participants
              </li>
            </ul>
            {summary && <UnknownPersons result={summary} />}
            {summary && <ExtraColumnKinds result={summary} />}
            {state.store?.extractDate && <p className="small">Extract date: {formatDate(state.store.extractDate)}. The cohort step has run on the new extract.</p>}
            <button type="button" onClick={onDone}>
              Continue to Cohort & funnel
            </button>
          </div>
        )}
        {job?.status === 'failed' && (
          <div className="card import-result bad" data-testid="import-failed">
            <h3>The extract was not imported</h3>
            <p className="small">Nothing was stored; the store is as it was. Fix the files and press Import again: your files and mappings are kept.</p>
            {problems ? <ProblemGrid problems={problems.problems} total={problems.total} /> : <ErrorNote message={job.error?.message ?? 'The import failed.'} />}
          </div>
        )}
        {job?.status === 'cancelled' && <p className="info-note">The import was cancelled; the store is unchanged.</p>}
      </div>

      {FILE_KINDS.map((kind) => (
        <FileCard
          key={kind}
          kind={kind}
          draft={draft.files[kind]}
          update={updateFile(kind)}
          saved={saved.filter((s) => s.kind === kind)}
          onSaved={refreshSaved}
          locked={locked}
          extraTypes={kind === 'cohort' ? { chosen: draft.typeOverrides, onChange: (typeOverrides) => setDraft((d) => ({ ...d, typeOverrides })) } : undefined}
        />
      ))}

      <section className="card import-go" aria-labelledby="import-go-title">
        <h3 id="import-go-title">Import</h3>
        <label className="date-field">
          Extract date (optional)
          <input type="date" value={draft.extractDate} disabled={locked} onChange={(e) => setDraft((d) => ({ ...d, extractDate: e.target.value }))} />
        </label>
        <p className="muted small">
          The date the extract was taken: follow-up is complete for a record whose index date is at least a year and six months
          before it. Left empty, it is the latest disposal date in the reoffences file.
        </p>
        <ErrorNote message={startError} />
        {todo.length > 0 && (
          <p className="small" data-testid="import-todo">
            Before importing: {todo.join('; ')}.
          </p>
        )}
        <button type="button" ref={importButton} data-testid="import-start" disabled={locked || todo.length > 0} onClick={() => void start(false)}>
          {job?.status === 'running' ? 'Importing… (progress above)' : job?.status === 'failed' ? 'Import again' : 'Import'}
        </button>
      </section>

      {confirming && (
        <ConfirmReplaceDialog current={counts ?? null} extractDate={state.store?.extractDate ?? null} onConfirm={() => void start(true)} onCancel={() => {
            setConfirming(false);
            // Focus goes back where the question came from (the button was disabled, so it lost it).
            requestAnimationFrame(() => importButton.current?.focus());
          }}
        />
      )}
    </section>
  );
}

/** The type each extra cohort column got, by its values or as set on the cohort card. */
function ExtraColumnKinds({ result }: { result: ImportSummary }) {
  const extras = result.cohortColumns.filter((c) => c.role === null);
  if (extras.length === 0) return null;
  return (
    <div className="small extra-kinds" data-testid="import-column-types">
      <strong>Other cohort columns, kept as covariates:</strong>
      <ul>
        {extras.map((c) => (
          <li key={c.name} data-testid={`column-type-${c.name}`}>
            <code>{c.name}</code> <span className="kind-tag">{c.kind}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** person_ids of the other files that are not in the cohort are allowed (DATA-FORMAT.md), but shown. */
function UnknownPersons({ result }: { result: ImportSummary }) {
  const { files } = result;
  const lines = (['reoffences', 'participants'] as const)
    .filter((k) => files[k].unknownPersonRows > 0)
    .map((k) => (
      <li key={k} data-testid={`unknown-${k}`}>
        {formatCount(files[k].unknownPersonRows)} {k === 'reoffences' ? 'offence' : 'participant'} row{files[k].unknownPersonRows === 1 ? '' : 's'} (
        {formatCount(files[k].unknownPersons)} {files[k].unknownPersons === 1 ? 'person' : 'people'}) with a person_id that is not in the cohort
        {k === 'participants' ? ': they will show as not identified' : ': they are kept but never counted'}
      </li>
    ));
  return lines.length ? <ul className="small unknown-persons">{lines}</ul> : <p className="small">Every person_id of the other two files is in the cohort.</p>;
}
