import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { createService, type Service } from '../service/service';
import { startBrowserHost, type BrowserHost } from './browserHost';

let service: Service;
let host: BrowserHost;

// Raw requests, so that Host and Origin can be forged as a hostile page or DNS rebinding would.
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'matchlab-host-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Matchlab</title>');
  service = createService({ dataDir: join(dir, 'data') });
  host = await startBrowserHost({ service, staticDir });
});

afterAll(async () => {
  await host.close();
  await service.close();
});

describe('browser host', () => {
  it('listens on loopback with a random port and a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('serves the app with the token and sets a strict cookie', async () => {
    const res = await raw(`/?token=${host.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Matchlab</title>');
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('refuses requests without the token with 403', async () => {
    expect((await raw('/')).status).toBe(403);
    expect((await raw('/api/app.state', { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await raw('/?token=wrong')).status).toBe(403);
  });

  it('refuses a foreign Origin or Host even with the token', async () => {
    const withToken = { 'X-Matchlab-Token': host.token };
    const foreignOrigin = await raw('/api/app.state', { method: 'POST', body: '{}', headers: { ...withToken, Origin: 'http://evil.example' } });
    expect(foreignOrigin.status).toBe(403);
    const foreignHost = await raw('/api/app.state', { method: 'POST', body: '{}', headers: { ...withToken, Host: 'evil.example:80' } });
    expect(foreignHost.status).toBe(403);
  });

  it('answers api requests with the token, and rejects invalid ones without touching anything', async () => {
    const headers = { 'X-Matchlab-Token': host.token, 'Content-Type': 'application/json' };
    const state = JSON.parse((await raw('/api/app.state', { method: 'POST', body: '{}', headers })).body);
    expect(state.ok).toBe(true);
    expect(state.result.store).toBeNull();
    const bad = JSON.parse((await raw('/api/store.open', { method: 'POST', body: JSON.stringify({ path: 42 }), headers })).body);
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid_request');
    expect(bad.error.message).toMatch(/path/);
    const unknown = JSON.parse((await raw('/api/fs.deleteEverything', { method: 'POST', body: '{}', headers })).body);
    expect(unknown.error.code).toBe('invalid_request');
  });

  it('refuses a WebSocket without the token or from a foreign Origin', async () => {
    const attempt = (url: string, origin?: string) =>
      new Promise<string>((ok) => {
        const ws = new WebSocket(url, { headers: origin ? { Origin: origin } : {} });
        ws.on('open', () => {
          ws.close();
          ok('open');
        });
        ws.on('error', () => ok('refused'));
        ws.on('unexpected-response', () => ok('refused'));
      });
    const base = `ws://127.0.0.1:${host.port}/events`;
    expect(await attempt(base)).toBe('refused');
    expect(await attempt(`${base}?token=${host.token}`, 'http://evil.example')).toBe('refused');
    expect(await attempt(`${base}?token=${host.token}`)).toBe('open');
  });
});
