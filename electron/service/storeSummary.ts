// What the home screen shows first: how much of an extract the store holds.
import type { Db } from '../../db/store';
import { storeInfo } from '../../db/extract/storeInfo';
import type { StoreSummary } from '../../shared/api';

export function readStoreSummary(db: Db, path: string): StoreSummary {
  const info = storeInfo(db);
  if (!info.extract) return { path, counts: null, extractDate: null };
  return { path, counts: info.rows, extractDate: info.extract.extractDate };
}
