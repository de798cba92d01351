// Test helper process for faults.test.ts and plaintextOnDisk.test.ts: runs an import or an analysis
// through the service and, once the job is under way (an import has read rows of a file, an
// analysis is fitting or matching), says "mid-job" on stdout, so the test can SIGKILL it there.
// The service's own folder is made beside the store, so that the temp folder holds only what the
// work itself puts there.
//   MATCHLAB_PASSPHRASE=... node --import tsx electron/security/faultChild.ts <store> import <cohort> <reoffences> <participants>
//   MATCHLAB_PASSPHRASE=... node --import tsx electron/security/faultChild.ts <store> analyse <spec.json>
import { mkdtempSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createService } from '../service/service';

const [store, kind, ...files] = process.argv.slice(2);
const service = createService({ dataDir: mkdtempSync(join(dirname(store), 'service-')) });
const ask = async (method: string, args: unknown) => {
  const r = await service.request(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as { jobId: string };
};
let said = false;
service.subscribe((e) => {
  if (e.type === 'job' && e.job.status === 'running' && e.job.done > 0 && !said && (kind === 'analyse' ? /matching|score model/ : /: [1-9][\d,]* rows/).test(e.job.phase)) {
    said = true;
    process.stdout.write(`mid-job ${e.job.phase}\n`);
  }
});
await ask('store.open', { path: store, passphrase: process.env.MATCHLAB_PASSPHRASE });
if (kind === 'import') {
  const [cohort, reoffences, participants] = files;
  await ask('import.start', { cohort: { path: cohort }, reoffences: { path: reoffences }, participants: { path: participants }, replace: true });
} else {
  await ask('analysis.run', { spec: JSON.parse(readFileSync(files[0], 'utf8')) });
}
// Wait to be killed.
setInterval(() => undefined, 1000);
