// A file picker over the service's `fs.list` (the browser host cannot use the system dialog):
// folders and importable files, driven by the keyboard, opening where the last file was chosen.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FolderListing } from '../../shared/api';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { formatCount } from '../../shared/format/numberFormat';

const LAST_FOLDER_KEY = 'matchlab.import.lastFolder';
/** What the importer reads (the folder listing also offers .mlstore files, for the store screen). */
const IMPORTABLE = /\.(csv|tsv|txt|xlsx)$/i;

export function rememberedFolder(): string | undefined {
  return localStorage.getItem(LAST_FOLDER_KEY) ?? undefined;
}

/** The folder's own separator, so Windows paths stay Windows paths. */
function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

function sizeLabel(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatCount(Math.ceil(bytes / 1024))} KB`;
  return `${formatCount(Math.round(bytes / (1024 * 1024)))} MB`;
}

interface Props {
  title: string;
  /** Where to start when no folder has been remembered yet. */
  startDir?: string;
  onPick: (path: string) => void;
  onClose: () => void;
}

export function FilePickerDialog({ title, startDir, onPick, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [folderInput, setFolderInput] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const entries = (listing?.entries ?? []).filter((e) => e.kind === 'dir' || IMPORTABLE.test(e.name));

  // Only the latest request may fill the list: the opening folder can answer after a typed one.
  const latest = useRef(0);
  // Someone typing a folder while a listing loads keeps their text and their focus.
  const typed = useRef(false);

  async function load(dir: string | undefined, fallback = false) {
    const request = ++latest.current;
    typed.current = false;
    try {
      const l = await call('fs.list', dir === undefined ? {} : { dir });
      if (request !== latest.current) return;
      setListing(l);
      setActive(0);
      setError(null);
      if (!typed.current) {
        setFolderInput(l.dir);
        list.current?.focus();
      }
    } catch (err) {
      if (request !== latest.current) return;
      // A remembered folder may have gone (a USB stick, a renamed share): start at home instead.
      if (fallback) return load(undefined);
      setError((err as Error).message);
    }
  }

  useEffect(() => {
    dialog.current?.showModal();
    void load(rememberedFolder() ?? startDir, true);
    // Opened once per mount; the parent unmounts the picker to close it.
  }, []);

  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listing]);

  function choose(index: number) {
    const entry = entries[index];
    if (!listing || !entry) return;
    if (entry.kind === 'dir') void load(joinPath(listing.dir, entry.name));
    else {
      localStorage.setItem(LAST_FOLDER_KEY, listing.dir);
      onPick(joinPath(listing.dir, entry.name));
    }
  }

  function onListKey(e: KeyboardEvent) {
    const n = entries.length;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: n - 1, PageDown: active + 10, PageUp: active - 10 };
    if (e.key in moves) {
      e.preventDefault();
      setActive(Math.max(0, Math.min(n - 1, moves[e.key])));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active);
    } else if ((e.key === 'Backspace' || (e.key === 'ArrowUp' && e.altKey)) && listing?.parent) {
      e.preventDefault();
      void load(listing.parent);
    }
  }

  return (
    <dialog ref={dialog} className="picker" aria-label={title} onClose={onClose} onCancel={onClose}>
      <h2>{title}</h2>
      <form
        className="picker-folder"
        onSubmit={(e) => {
          e.preventDefault();
          void load(folderInput);
        }}
      >
        <label>
          Folder
          <input
            value={folderInput}
            onChange={(e) => {
              typed.current = true;
              setFolderInput(e.target.value);
            }}
            spellCheck={false}
          />
        </label>
        <button type="submit" className="secondary small">
          Go
        </button>
        <button type="button" className="secondary small" disabled={!listing?.parent} onClick={() => listing?.parent && void load(listing.parent)}>
          Up one folder
        </button>
      </form>
      <ErrorNote message={error} />
      <div
        ref={list}
        className="picker-list"
        // An empty folder has no options, and a listbox must have some: it is then a group holding the note.
        role={entries.length > 0 ? 'listbox' : 'group'}
        tabIndex={0}
        aria-label={`Contents of ${listing?.dir ?? 'the folder'}`}
        aria-activedescendant={entries.length > 0 ? `picker-entry-${active}` : undefined}
        onKeyDown={onListKey}
      >
        {entries.length === 0 && <p className="muted small pad-s">{listing ? 'No folders or importable files (CSV, TSV, TXT, XLSX) here.' : 'Loading…'}</p>}
        {entries.map((entry, i) => (
          <div
            key={entry.name}
            id={`picker-entry-${i}`}
            data-index={i}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'picker-entry active' : 'picker-entry'}
            onClick={() => setActive(i)}
            onDoubleClick={() => choose(i)}
          >
            <span className="picker-name">
              {entry.name}
              {entry.kind === 'dir' ? '/' : ''}
            </span>
            <span className="muted small">{entry.kind === 'dir' ? 'folder' : sizeLabel(entry.bytes)}</span>
          </div>
        ))}
      </div>
      <p className="muted small">Arrow keys move, Enter opens a folder or chooses a file, Backspace goes up, Escape closes.</p>
      <div className="picker-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" disabled={entries[active] === undefined} onClick={() => choose(active)}>
          {entries[active]?.kind === 'dir' ? 'Open folder' : 'Choose file'}
        </button>
      </div>
    </dialog>
  );
}
