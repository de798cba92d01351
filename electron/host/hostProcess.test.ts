// The browser host as `npm start -- --browser` runs it: SIGTERM stops it promptly even while a
// job is running, and the store it was filling opens afterwards, whole.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'node:http';
import { openStore } from '../../db/store';
import { DEMO_PASSPHRASE } from '../service/service';

function post(port: number, path: string, headers: Record<string, string>, body = '{}'): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => ok({ status: res.statusCode!, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('the browser host process', () => {
  it('stops on SIGTERM within its deadline while an import runs, and the store opens whole', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'matchlab-hostproc-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/hostMain.ts', '--data-dir', dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
    const line = await new Promise<string>((ok) => createInterface({ input: child.stdout! }).once('line', ok));
    const { url, port } = JSON.parse(line) as { url: string; port: number };
    const code = /#launch=([\w-]+)$/.exec(url)![1];
    const { token } = JSON.parse((await post(port, '/session', { 'X-Matchlab-Launch': code })).body) as { token: string };
    const demo = JSON.parse((await post(port, '/api/demo.open', { 'X-Matchlab-Token': token }, JSON.stringify({ records: 400_000 }))).body);
    expect(demo).toMatchObject({ ok: true, result: { jobId: expect.stringMatching(/^job-/) } });
    // A host that ignored SIGTERM would never exit: the test's own time limit catches that.
    const exited = new Promise<number | null>((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const db = openStore(join(dataDir, 'demo.mlstore'), DEMO_PASSPHRASE, { mode: 'open' });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);
});
