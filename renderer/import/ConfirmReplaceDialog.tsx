// Asks before a new import replaces the stored extract (the service asks for this confirmation).
import { formatDate } from '../../shared/format/dateFormat';
import type { TableCounts } from '../../shared/api';
import { formatCount } from '../../shared/format/numberFormat';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  current: TableCounts | null;
  extractDate: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmReplaceDialog({ current, extractDate, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog title="Replace the stored extract?" confirmLabel="Replace it" cancelLabel="Keep the current extract" onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        This store already holds an extract
        {current && (
          <>
            {' '}
            of {formatCount(current.cohort)} cohort records, {formatCount(current.reoffences)} proven offences and {formatCount(current.participants)} participants
          </>
        )}
        {extractDate && <> (extract date {formatDate(extractDate)})</>}.
      </p>
      <p>
        Importing the new files replaces it, and the cohort step runs again on the new extract. The current extract is kept if
        the new import fails or is cancelled.
      </p>
    </ConfirmDialog>
  );
}
