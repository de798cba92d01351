// Asks before a new import replaces the stored extract (the service asks for this confirmation).
import { useEffect, useRef } from 'react';
import type { TableCounts } from '../../shared/api';
import { formatCount } from '../../shared/format/numberFormat';

interface Props {
  current: TableCounts | null;
  extractDate: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmReplaceDialog({ current, extractDate, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    // The safe answer has the focus: Enter alone never replaces data.
    keep.current?.focus();
  }, []);
  return (
    <dialog ref={dialog} className="confirm" aria-labelledby="replace-title" aria-describedby="replace-text" onCancel={onCancel}>
      <h2 id="replace-title">Replace the stored extract?</h2>
      <div id="replace-text">
        <p>
          This store already holds an extract
          {current && (
            <>
              {' '}
              of {formatCount(current.cohort)} cohort records, {formatCount(current.reoffences)} proven offences and {formatCount(current.participants)} participants
            </>
          )}
          {extractDate && <> (extract date {extractDate})</>}.
        </p>
        <p>
          Importing the new files replaces it, and the cohort step runs again on the new extract. The current extract is kept if
          the new import fails or is cancelled.
        </p>
      </div>
      <div className="picker-actions">
        <button type="button" ref={keep} className="secondary" onClick={onCancel}>
          Keep the current extract
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          Replace it
        </button>
      </div>
    </dialog>
  );
}
