// The build finds every worker the sources start, and stops on one it could not bundle.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findWorkers } from './bundle.mjs';

const work = mkdtempSync(join(tmpdir(), 'matchlab-workers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, 'tree-'));
  for (const d of ['electron', 'db', 'shared']) mkdirSync(join(dir, d), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('findWorkers', () => {
  it("finds this checkout's job and import workers", () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const workers = findWorkers(root);
    expect(workers.get('jobWorker')).toBe(join(root, 'electron', 'jobs', 'jobWorkerMain.ts'));
    expect(workers.get('fileWorker')).toBe(join(root, 'db', 'import', 'fileWorkerMain.ts'));
  });

  it('maps a worker reference to the entry its development shim imports', () => {
    const dir = tree({
      'electron/jobs/runner.ts': `const url = new URL('./robustWorker.mjs', import.meta.url);`,
      'electron/jobs/robustWorker.mjs': `await import('./robustWorkerMain.ts');`,
    });
    expect([...findWorkers(dir)]).toEqual([['robustWorker', join(dir, 'electron', 'jobs', 'robustWorkerMain.ts')]]);
  });

  it('stops on a worker without its shim, naming the file that starts it', () => {
    const dir = tree({ 'db/import/loader.ts': `new Worker(new URL('./lostWorker.mjs', import.meta.url));` });
    expect(() => findWorkers(dir)).toThrow(/db\/import\/loader.ts starts the worker lostWorker.mjs, but there is no db\/import\/lostWorker.mjs/);
  });
});
