// One of the three files: where it is, what it looks like, and which column feeds which role.
import { useEffect, useRef, useState } from 'react';
import type { FileKind, SavedMapping } from '../../shared/api';
import { call, nativeDialogs } from '../api/client';
import { IMPORT_FILTERS } from '../api/fileChoice';
import { ErrorNote } from '../components/ErrorNote';
import { checkMapping, headerKey, mergeMapping } from './columnChoices';
import { ConfirmDialog } from './ConfirmDialog';
import { ExtraColumnTypes } from './ExtraColumnTypes';
import type { TypeOverrides } from './extraColumns';
import { FILE_LABEL, isFamilyTarget } from './fileRoles';
import { FilePickerDialog } from './FilePickerDialog';
import type { FileDraft } from './importDraft';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';

interface Props {
  kind: FileKind;
  draft: FileDraft;
  update: (change: (d: FileDraft) => FileDraft) => void;
  /** Saved mappings of this kind, newest first. */
  saved: SavedMapping[];
  onSaved: () => void;
  locked: boolean;
  /** The cohort file's extra columns' types, chosen on this card. */
  extraTypes?: { chosen: TypeOverrides; onChange: (next: TypeOverrides) => void };
}

function folderOf(path: string): string | undefined {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : undefined;
}

export function FileCard({ kind, draft, update, saved, onSaved, locked, extraTypes }: Props) {
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [savedChoice, setSavedChoice] = useState('');
  const [saveName, setSaveName] = useState('');
  const [deleting, setDeleting] = useState<string | null>(null);
  // After a delete the buttons that had the focus are disabled: the focus goes to the note saying what happened.
  const noteRef = useRef<HTMLParagraphElement>(null);
  const [focusNote, setFocusNote] = useState(false);
  useEffect(() => {
    if (focusNote) noteRef.current?.focus();
    setFocusNote(false);
  }, [focusNote]);
  const label = FILE_LABEL[kind];

  async function preview(path: string, sheet: string | undefined) {
    if (path.trim() === '') return;
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const p = await call('import.preview', { path, kind, sheet });
      update((d) => {
        // The same file again (e.g. fixed after a failed import) keeps every hand-made choice.
        const { mapping } = mergeMapping(d.mapping, p.suggested, p.headers);
        return { ...d, path, sheet, preview: p, previewedPath: path, mapping };
      });
    } catch (err) {
      update((d) => ({ ...d, preview: null, previewedPath: null }));
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  /** The system's open dialog in the desktop app; the app's own picker in the browser host. */
  async function browse() {
    if (!nativeDialogs) {
      setPicking(true);
      return;
    }
    try {
      const path = await nativeDialogs.openFile({ title: `Choose the ${label.title.toLowerCase()} file`, defaultPath: folderOf(draft.path), filters: IMPORT_FILTERS });
      if (path === null) return;
      update((d) => ({ ...d, path }));
      void preview(path, undefined);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  function applySaved(name: string) {
    const chosen = saved.find((s) => s.name === name);
    if (!chosen || !draft.preview) return;
    const { mapping, dropped } = mergeMapping(chosen.mapping, draft.preview.suggested, draft.preview.headers);
    update((d) => ({ ...d, mapping }));
    setNote(
      dropped.length === 0
        ? `Applied the saved mapping "${name}".`
        : `Applied "${name}"; this file has no ${dropped.map(([role, col]) => `"${col}" (for ${role})`).join(', ')}, so those roles were filled from the file's own names where possible.`,
    );
  }

  async function saveMapping() {
    if (!draft.mapping || saveName.trim() === '') return;
    try {
      await call('mapping.save', { name: saveName.trim(), kind, mapping: draft.mapping });
      setNote(`Saved this mapping as "${saveName.trim()}"; it will be offered on the next import of a ${label.title.toLowerCase()} file.`);
      setSaveName('');
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function deleteSaved(name: string) {
    setDeleting(null);
    setError(null);
    try {
      const { deleted } = await call('mapping.delete', { name, kind });
      setNote(deleted ? `Deleted the saved mapping "${name}". The mapping on this card is unchanged.` : `The saved mapping "${name}" was already gone.`);
      setSavedChoice('');
      setFocusNote(true);
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  const p = draft.preview;
  const stale = p !== null && draft.previewedPath !== draft.path;
  const check = draft.mapping ? checkMapping(kind, draft.mapping) : null;
  const roleOf = new Map(Object.entries(draft.mapping?.columns ?? {}).map(([role, h]) => [headerKey(h), role]));
  const families = Object.keys(draft.mapping?.columns ?? {}).filter((t) => isFamilyTarget(kind, t));
  const unused = p ? p.headers.filter((h) => h.trim() !== '' && !roleOf.has(headerKey(h))) : [];
  const id = `file-${kind}`;

  return (
    <section className="card file-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="file-head">
        <h3 id={`${id}-title`}>{label.title}</h3>
        <span className="muted small">{label.hint}</span>
        {check && (check.missingRequired.length > 0 || check.reusedColumns.length > 0 ? <span className="status-pill bad">needs mapping</span> : <span className="status-pill good">ready</span>)}
      </div>
      <form
        className="path-row"
        onSubmit={(e) => {
          e.preventDefault();
          void preview(draft.path, draft.path === draft.previewedPath ? draft.sheet : undefined);
        }}
      >
        <label className="grow">
          {label.title} file
          <input
            value={draft.path}
            onChange={(e) => {
              const path = e.target.value;
              update((d) => ({ ...d, path }));
            }}
            placeholder="Choose a CSV or XLSX file"
            spellCheck={false}
            disabled={locked}
          />
        </label>
        <button type="button" className="secondary" onClick={() => void browse()} disabled={locked}>
          Browse…
        </button>
        <button type="submit" className="secondary" disabled={locked || busy || draft.path.trim() === ''}>
          {busy ? 'Reading…' : p && !stale ? 'Reload preview' : 'Preview'}
        </button>
      </form>
      {picking && (
        <FilePickerDialog
          title={`Choose the ${label.title.toLowerCase()} file`}
          startDir={folderOf(draft.path)}
          onClose={() => setPicking(false)}
          onPick={(path) => {
            setPicking(false);
            update((d) => ({ ...d, path }));
            void preview(path, undefined);
          }}
        />
      )}
      <ErrorNote message={error} />
      {stale && <p className="warn-note small">The path has changed since the preview: press Preview to read the new file.</p>}
      {p && draft.mapping && (
        <>
          <div className="file-options">
            {p.sheets.length > 0 && (
              <label>
                Sheet
                <select value={draft.sheet ?? p.sheets[0]} disabled={locked || busy} onChange={(e) => void preview(draft.path, e.target.value)}>
                  {p.sheets.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              </label>
            )}
            <label>
              Dates are written as
              <select
                value={draft.mapping.dateFormat}
                disabled={locked}
                onChange={(e) => {
                  const dateFormat = e.target.value as 'iso' | 'dmy';
                  update((d) => ({ ...d, mapping: d.mapping && { ...d.mapping, dateFormat } }));
                }}
              >
                <option value="iso">YYYY-MM-DD (ISO)</option>
                <option value="dmy">DD/MM/YYYY</option>
              </select>
            </label>
            <label>
              Saved mappings
              <span className="inline-pair">
                <select value={savedChoice} onChange={(e) => setSavedChoice(e.target.value)} disabled={locked || saved.length === 0} aria-label={`Saved ${kind} mappings`}>
                  <option value="">{saved.length === 0 ? 'none saved yet' : `${saved.length} saved — choose one`}</option>
                  {saved.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name} ({s.savedAt.slice(0, 10)})
                    </option>
                  ))}
                </select>
                <button type="button" className="secondary small" disabled={locked || savedChoice === ''} onClick={() => applySaved(savedChoice)}>
                  Apply
                </button>
                <button type="button" className="secondary small" disabled={locked || savedChoice === ''} onClick={() => setDeleting(savedChoice)}>
                  Delete…
                </button>
              </span>
            </label>
          </div>
          {note && (
            <p ref={noteRef} tabIndex={-1} className="info-note small" role="status">
              {note}
            </p>
          )}
          <MappingTable kind={kind} preview={p} mapping={draft.mapping} reused={check?.reusedColumns ?? []} disabled={locked} onChange={(mapping) => update((d) => ({ ...d, mapping }))} />
          {families.length > 0 && (
            <p className="small">
              <strong>History and risk columns</strong> (mapped by name): {families.join(', ')}
            </p>
          )}
          {kind === 'cohort' && extraTypes ? (
            <ExtraColumnTypes preview={p} mapping={draft.mapping} chosen={extraTypes.chosen} disabled={locked} onChange={extraTypes.onChange} />
          ) : (
            unused.length > 0 && (
              <p className="small">
                <strong>Other columns, not imported:</strong> {unused.join(', ')}{' '}
                <span className="muted">(only the cohort file's other columns are kept, as covariates)</span>
              </p>
            )
          )}
          <form
            className="save-row"
            onSubmit={(e) => {
              e.preventDefault();
              void saveMapping();
            }}
          >
            <label className="grow">
              Save this mapping as
              <input value={saveName} onChange={(e) => setSaveName(e.target.value)} placeholder="e.g. Regional extract 2024" maxLength={100} disabled={locked} />
            </label>
            <button type="submit" className="secondary" disabled={locked || saveName.trim() === ''}>
              Save mapping
            </button>
          </form>
          <PreviewTable preview={p} roleOf={roleOf} label={`First rows of the ${label.title.toLowerCase()} file`} otherTag={kind === 'cohort' ? 'covariate' : 'not imported'} />
        </>
      )}
      {deleting !== null && (
        <ConfirmDialog title="Delete the saved mapping?" confirmLabel="Delete it" cancelLabel="Keep it" onConfirm={() => void deleteSaved(deleting)} onCancel={() => setDeleting(null)}>
          <p>
            The saved {label.title.toLowerCase()} mapping "{deleting}" will no longer be offered on the next import. This cannot be undone; the
            mapping on this card stays as it is, and you can save it again under any name.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
