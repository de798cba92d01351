// An export's audit entry and its file go together: the entry is written, the file moved into
// place, and the entry committed, in one write transaction. If the entry cannot be written (a
// full disk, a locked store) the file never appears; if the move fails the entry is rolled back.
import type { Db } from '../../db/store';
import { writeAudit } from '../../db/audit';

export function publishWithAudit(db: Db, detail: Record<string, unknown>): (moveIntoPlace: () => void) => void {
  return (moveIntoPlace) =>
    db.transaction(() => {
      writeAudit(db, 'export', detail);
      moveIntoPlace();
    }).immediate();
}
