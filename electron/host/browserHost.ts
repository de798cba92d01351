// The browser adapter: serves the built renderer and the api over loopback HTTP + WebSocket.
// It exists so the whole app runs (and is tested) in a plain browser where no Electron binary
// can be had. Only 127.0.0.1 is listened on; every request must carry the per-launch token
// (in the first page's URL, then an HttpOnly SameSite=Strict cookie) and a Host/Origin of this
// very host, so neither another local user's page nor a DNS-rebinding site can call the api.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Service } from '../service/service';

const MAX_BODY_BYTES = 1_000_000;
const COOKIE = 'matchlab_token';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface BrowserHostOptions {
  service: Service;
  /** The built renderer (vite's output). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  /** The URL to open: it carries the token. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE) return v;
  }
  return undefined;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticDir = resolve(options.staticDir);
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const csp = [
    `default-src 'self'`,
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    `img-src 'self' data: blob:`,
    // ag-grid's themes inject their CSS at run time.
    `style-src 'self' 'unsafe-inline'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');

  /** The reason a request is refused, or null when it may proceed. */
  function refusal(req: IncomingMessage, url: URL): string | null {
    if (!allowedHosts.has(req.headers.host ?? '')) return 'foreign Host';
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return 'foreign Origin';
    const presented = url.searchParams.get('token') ?? (req.headers['x-matchlab-token'] as string | undefined) ?? cookieToken(req);
    if (!sameToken(presented ?? undefined, token)) return 'missing or wrong token';
    return null;
  }

  function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new Error('request body too large');
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : {};
  }

  function serveStatic(res: ServerResponse, pathname: string, setCookie: boolean): void {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = normalize(join(staticDir, rel));
    if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      send(res, 404, 'not found');
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (setCookie) headers['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const why = refusal(req, url);
    if (why) {
      send(res, 403, `Forbidden: ${why}`);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        send(res, 405, 'POST only');
        return;
      }
      readJson(req)
        .then((args) => options.service.request(url.pathname.slice('/api/'.length), args))
        .then(
          (response) => send(res, 200, JSON.stringify(response), 'application/json'),
          (err: Error) => send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_request', message: err.message } }), 'application/json'),
        );
      return;
    }
    if (req.method !== 'GET') {
      send(res, 405, 'GET only');
      return;
    }
    serveStatic(res, url.pathname, url.searchParams.has('token'));
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== '/events' || refusal(req, url)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const unsubscribe = options.service.subscribe((event) => ws.send(JSON.stringify(event)));
      ws.on('close', unsubscribe);
    });
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((ok) => wss.close(() => ok()));
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
