// Test helper process for importKilled.test.ts: starts an import into the store and, once every
// row is written and the record_id order is next, says so on stdout and blocks until it is killed.
//   node --import tsx db/import/killedImportChild.ts <store> <passphrase> <import request as JSON>
import { openStore, type Db } from '../store';
import { importExtract, type ImportRequest } from './importExtract';

const [file, passphrase, requestJson] = process.argv.slice(2);
const db = openStore(file, passphrase, { mode: 'open' });
// SQLite's cache kept tiny, whatever the importer asks for: the transaction then spills its pages
// into the store file before committing, which is the case a crash must be able to undo.
const pragma = db.pragma.bind(db);
db.pragma = ((source: string, options?: Parameters<Db['pragma']>[1]) =>
  pragma(source.startsWith('cache_size') ? 'cache_size = -256' : source, options)) as Db['pragma'];

await importExtract(db, JSON.parse(requestJson) as ImportRequest, {
  workerFiles: [],
  onProgress: (p) => {
    if (p.phase !== 'ordering') return;
    process.stdout.write(`mid-transaction ${db.pragma('journal_mode', { simple: true })}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  },
});
process.stdout.write('committed\n');
