// Test helper process for faults.test.ts and plaintextOnDisk.test.ts: runs an import or an analysis
// through the service and, once the job is under way (an import has read rows of a file, an
// analysis has made its first report), says "mid-job" on stdout, so the test can SIGKILL it there.
// An analysis of the tests' small store can end inside the worker's 100 ms progress throttle, so
// waiting for a later phase's report would be a race; a job that ends before "mid-job" was said
// ends this process with a message at once instead of leaving the test to time out.
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
  if (e.type !== 'job' || said) return;
  if (e.job.status !== 'running') {
    process.stderr.write(`the job ended (${e.job.status}) before it was under way\n`);
    process.exit(1);
  }
  if (kind === 'analyse' || /: [1-9][\d,]* rows/.test(e.job.phase)) {
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
