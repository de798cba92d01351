// The browser host under hostile requests, sent raw (as any local program can): it answers each
// with a 4xx and goes on serving; the api and the event channel need a session token, which only
// a one-time launch code buys; no cookie is ever set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { createService, type Service } from '../service/service';
import { EVENTS_PROTOCOL, startBrowserHost, TOKEN_PROTOCOL_PREFIX, type BrowserHost } from './browserHost';

let service: Service;
let host: BrowserHost;
let token = '';

/** Sends bytes as they are and reads the answer's status (0 when the connection closed without one). */
function rawExchange(bytes: string | Buffer, waitMs = 5_000): Promise<{ status: number; text: string }> {
  return new Promise((ok) => {
    const socket = connect(host.port, '127.0.0.1');
    let text = '';
    const done = () => {
      socket.destroy();
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      ok({ status: m ? Number(m[1]) : 0, text });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
    socket.write(bytes);
  });
}

function request(method: string, target: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; text: string }> {
  const all = { Host: `127.0.0.1:${host.port}`, Connection: 'close', 'Content-Length': String(Buffer.byteLength(body)), ...headers };
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  return rawExchange(head + body);
}

const bodyOf = (text: string) => text.slice(text.indexOf('\r\n\r\n') + 4);

async function signIn(): Promise<string> {
  const code = /#launch=([\w-]+)$/.exec(host.launchUrl())![1];
  const res = await request('POST', '/session', { 'X-Matchlab-Launch': code });
  expect(res.status).toBe(200);
  return JSON.parse(bodyOf(res.text)).token as string;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'matchlab-host-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Matchlab</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static folder');
  service = createService({ dataDir: join(dir, 'data') });
  host = await startBrowserHost({ service, staticDir });
  token = await signIn();
});

afterAll(async () => {
  await host.close();
  await service.close();
});

async function stillServing(): Promise<void> {
  expect((await request('GET', '/')).status).toBe(200);
  const state = await request('POST', '/api/app.state', { 'X-Matchlab-Token': token }, '{}');
  expect(JSON.parse(bodyOf(state.text)).ok).toBe(true);
}

describe('browser host: sign-in', () => {
  it('gives a launch address on loopback with a random one-time code in its fragment', () => {
    const a = host.launchUrl();
    const b = host.launchUrl();
    expect(a).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[\w-]{24}$/);
    expect(a).not.toBe(b);
  });

  it('exchanges a launch code for a token once only, and sets no cookie', async () => {
    const code = /#launch=([\w-]+)$/.exec(host.launchUrl())![1];
    const first = await request('POST', '/session', { 'X-Matchlab-Launch': code });
    expect(first.status).toBe(200);
    expect(first.text).not.toMatch(/set-cookie/i);
    expect((await request('POST', '/session', { 'X-Matchlab-Launch': code })).status).toBe(403);
    expect((await request('POST', '/session', { 'X-Matchlab-Launch': 'guess' })).status).toBe(403);
    expect((await request('GET', '/')).text).not.toMatch(/set-cookie/i);
  });

  it('serves the app\'s files to this host, with a strict CSP, and nothing outside them', async () => {
    const page = await request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/content-security-policy: default-src 'self'/i);
    expect(page.text).toMatch(/frame-ancestors 'none'/);
    for (const t of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) expect((await request('GET', t)).status).toBe(404);
  });

  it('answers the api only with a session token in the header: not in the URL, not a cookie, not a launch code', async () => {
    const ask = (headers: Record<string, string>, target = '/api/app.state') => request('POST', target, headers, '{}').then((r) => r.status);
    expect(await ask({})).toBe(403);
    expect(await ask({}, `/api/app.state?token=${token}`)).toBe(403);
    expect(await ask({ Cookie: `matchlab_token=${token}` })).toBe(403);
    expect(await ask({ 'X-Matchlab-Token': 'wrong' })).toBe(403);
    expect(await ask({ 'X-Matchlab-Token': token })).toBe(200);
  });

  it('refuses a foreign Origin or Host even with the token', async () => {
    expect((await request('POST', '/api/app.state', { 'X-Matchlab-Token': token, Origin: 'http://127.0.0.1:9' }, '{}')).status).toBe(403);
    expect((await request('POST', '/api/app.state', { 'X-Matchlab-Token': token, Origin: 'null' }, '{}')).status).toBe(403);
    expect((await request('POST', '/api/app.state', { 'X-Matchlab-Token': token, Host: 'evil.example:80' }, '{}')).status).toBe(403);
    expect((await request('GET', '/', { Host: 'evil.example' })).status).toBe(403);
  });

  it('opens the event channel only with the token offered as a subprotocol', async () => {
    const attempt = (protocols: string[], origin?: string) =>
      new Promise<string>((ok) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events`, protocols, { headers: origin ? { Origin: origin } : {} });
        ws.on('open', () => {
          ws.close();
          ok('open');
        });
        ws.on('error', () => ok('refused'));
      });
    expect(await attempt([])).toBe('refused');
    expect(await attempt([EVENTS_PROTOCOL])).toBe('refused');
    expect(await attempt([EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}wrong`])).toBe('refused');
    expect(await attempt([EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`], 'http://evil.example')).toBe('refused');
    expect(await attempt([EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`])).toBe('open');
  });

  it('validates api arguments without touching anything', async () => {
    const headers = { 'X-Matchlab-Token': token, 'Content-Type': 'application/json' };
    const answer = async (method: string, body: string) => JSON.parse(bodyOf((await request('POST', `/api/${method}`, headers, body)).text));
    expect(await answer('store.open', JSON.stringify({ path: 42 }))).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/path/) } });
    expect((await answer('fs.deleteEverything', '{}')).error.code).toBe('invalid_request');
    // Deep and wide JSON is refused before any schema or recursion sees it.
    const deep = '{"kind":"analysis","value":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect(await answer('kept.save', deep)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/nested deeper/) } });
    const wide = JSON.stringify({ kind: 'analysis', value: new Array(200_000).fill(0) });
    expect(await answer('kept.save', wide)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/200000 items/) } });
    expect((await answer('app.state', '{not json')).error.code).toBe('bad_request');
  });
});

describe('browser host: hostile raw requests', () => {
  it('answers every malformed target, escape, method and header with a 4xx, with or without the token, and keeps serving', async () => {
    const targets = [
      '//[', '//[/', '//', '/%E0', '/%', '/%%', '/%zz', '/%E0%A4%A', '/index.html%00.js', '/%00', '/..%2f..%2fetc%2fpasswd',
      '/../../../etc/passwd', 'http://evil.example/', 'http://127.0.0.1/', '*', 'evil', '/\u00ff\u00fe', '/api/%E0', '/api/app.state?token=%E0',
      '/api/', '/api/%2e%2e/app.state', '/events', '/events?x=%E0', '/session', '/session?%', `/${'a'.repeat(20_000)}`, `/api/${'%ff'.repeat(300)}`,
      '/?launch=%E0', '/#launch=x', '/api/app.state#%E0',
    ];
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];
    let tried = 0;
    const statuses = new Map<number, number>();
    for (const withToken of [false, true]) {
      for (const target of targets) {
        for (const method of methods) {
          const headers: Record<string, string> = withToken ? { 'X-Matchlab-Token': token } : {};
          const res = await request(method, target, headers, method === 'POST' ? '{}' : '');
          tried++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, `${method} ${target.slice(0, 40)}`).toBeLessThan(500);
          if (!withToken && target.startsWith('/api/')) expect(res.status, `${method} ${target.slice(0, 40)} without a token`).not.toBe(200);
        }
      }
    }
    // Requests that are not even HTTP, or lie about their body, and WebSocket upgrades at odd targets.
    const rawOnes: (string | Buffer)[] = [
      'GARBAGE\r\n\r\n',
      Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]),
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: -1\r\n\r\n`,
      `POST /api/app.state HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Matchlab-Token: ${token}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      `POST /api/app.state HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Matchlab-Token: ${token}\r\nContent-Length: 2000000\r\n\r\n${'x'.repeat(1_100_000)}`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Long: ${'y'.repeat(20_000)}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nBad Header\r\n\r\n`,
      `GET / HTTP/9.9\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`,
      ...['//[', '/%E0', '/events?%', 'http://x/events', '/events'].flatMap((t) =>
        [false, true].map((tok) =>
          `GET ${t} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n` +
          `Sec-WebSocket-Key: ${tok ? 'dGhlIHNhbXBsZSBub25jZQ==' : 'not base64'}\r\nSec-WebSocket-Protocol: ${EVENTS_PROTOCOL}, ${TOKEN_PROTOCOL_PREFIX}${tok ? token : '%E0'}\r\n\r\n`,
        ),
      ),
    ];
    for (const bytes of rawOnes) {
      const res = await rawExchange(bytes, 3_000);
      tried++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status === 0 || res.status < 500 || res.status === 505, String(bytes).slice(0, 60)).toBe(true);
    }
    console.log(`browserHost: ${tried} hostile raw requests, answers by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
    await stillServing();
  }, 120_000);

  it('survives malformed WebSocket frames from a signed-in client', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events`, [EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]);
    await new Promise((ok) => ws.once('open', ok));
    const closed = new Promise((ok) => ws.once('close', ok));
    ws.on('error', () => undefined);
    // A frame with a reserved opcode and reserved bits, then a too-large payload length.
    (ws as unknown as { _socket: import('node:net').Socket })._socket.write(Buffer.from([0xf3, 0x80, 0, 0, 0, 0]));
    await closed;
    const big = new WebSocket(`ws://127.0.0.1:${host.port}/events`, [EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]);
    await new Promise((ok) => big.once('open', ok));
    big.on('error', () => undefined);
    const bigClosed = new Promise((ok) => big.once('close', ok));
    big.send(Buffer.alloc(200_000));
    await bigClosed;
    await stillServing();
  });
});
