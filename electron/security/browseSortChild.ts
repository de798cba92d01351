// Test helper process for plaintextOnDisk.test.ts: sorts the extract's tables the way the browse
// screen does, through the service, to their last page (so that SQLite holds every row before it in
// a temporary B-tree: on an unindexed column, the whole table), and says "done".
//   MATCHLAB_PASSPHRASE=... node --import tsx electron/security/browseSortChild.ts <store> <data dir>
import { createService } from '../service/service';

const [store, dataDir] = process.argv.slice(2);
const service = createService({ dataDir });
const ask = async (method: string, args: unknown) => {
  const r = await service.request(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as { total: number };
};
await ask('store.open', { path: store, passphrase: process.env.MATCHLAB_PASSPHRASE });
const sorts = [
  { table: 'cohort', sort: [{ column: 'person_id', dir: 'desc' }] },
  { table: 'cohort', sort: [{ column: 'ethnicity', dir: 'asc' }, { column: 'date_of_birth', dir: 'desc' }] },
  { table: 'reoffences', sort: [{ column: 'person_id', dir: 'asc' }] },
];
for (const s of sorts) {
  const { total } = await ask('table.browse', { ...s, offset: 0, limit: 1 });
  await ask('table.browse', { ...s, offset: Math.max(0, total - 100), limit: 100 });
}
await service.close();
process.stdout.write('done\n');
